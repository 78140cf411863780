package io.loupe.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loupe.mqtt.payload.PayloadSchemas;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gait camera with the default privacy settings, end to end: MediaPipe pose on a rendered walk, bouts scored and
 * published with the disclaimer — and not one image byte in any MQTT payload or HTTP response; the picture is refused,
 * the skeleton is numbers; the session is set and its stored keypoints deleted with the token only.
 */
class GaitEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "loupe/clinic/gait-box";
    /** A JPEG or PNG header, raw or base64, or any long base64 run: what image bytes look like in a payload. */
    private static final Pattern IMAGE = Pattern.compile("\\xFF\\xD8\\xFF|\\x89PNG|/9j/|iVBORw0KGgo|[A-Za-z0-9+/=]{200,}");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void gaitCamera_defaultPrivacy_publishesScoredBoutsAndNoImageAnywhere() throws Exception {
        Path mediapipe = MediaPipeFiles.pose();
        Path config = dir.resolve("appliance.yml");
        Files.writeString(config, """
                appliance: {id: gait-box, site: clinic, dataDir: %s}
                cameras:
                  walk1: {url: "file:%s"}
                models:
                  landmarks: {path: "%s"}
                  persons: {path: "%s"}
                pipelines:
                  walk1-gait:
                    type: gait
                    camera: walk1
                    model: landmarks
                    mailbox: all
                    settings:
                      pose: {kind: mediapipe, detector: persons}
                      session: P-0001
                      privacy: {storeKeypoints: true, storeDir: %s, retentionDays: 30}
                mqtt: {url: embedded, port: 0}
                web: {host: 127.0.0.1, port: 0, token: s3cret}
                """.formatted(dir.resolve("data"), Repo.root().resolve("sample-data/gait/walks/001.mp4"),
                mediapipe.resolve("pose_landmark_full.tflite"), mediapipe.resolve("pose_detection.tflite"),
                dir.resolve("keypoints")));

        List<String> problems = new CopyOnWriteArrayList<>();
        List<String> imageBytes = new CopyOnWriteArrayList<>();
        List<JsonNode> results = new CopyOnWriteArrayList<>();
        try (Daemon daemon = Daemon.start(config)) {
            MqttClient sub = new MqttClient(daemon.appliance().brokerUrl(), "gait-sub", new MemoryPersistence());
            MqttConnectionOptions opts = new MqttConnectionOptions();
            opts.setCleanStart(true);
            sub.connect(opts);
            sub.subscribe(new MqttSubscription[]{new MqttSubscription(ROOT + "/#", 1)}, new IMqttMessageListener[]{
                (topic, msg) -> {
                String text = new String(msg.getPayload(), StandardCharsets.ISO_8859_1);
                if (IMAGE.matcher(text).find()) {
                    imageBytes.add(topic);
                }
                if (topic.endsWith("/walk1-gait/result")) {
                    problems.addAll(PayloadSchemas.validate(PayloadSchemas.GAIT_RESULT, msg.getPayload()));
                    results.add(JSON.readTree(msg.getPayload()));
                }
            }});
            String base = "http://127.0.0.1:" + daemon.port();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (results.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(results).as("a scored bout of the rendered walk").isNotEmpty();
            JsonNode bout = results.get(0);
            assertThat(bout.get("session").asText()).isEqualTo("P-0001");
            assertThat(bout.get("disclaimer").asText()).startsWith("Research use only");
            assertThat(bout.at("/parameters/cadence_spm").asDouble()).isBetween(100.0, 135.0);

            // The page gets numbers: the picture is refused, the skeleton and status carry no image.
            assertThat(get(base + "/api/cameras/walk1/snapshot.jpg").statusCode()).isEqualTo(403);
            for (String path : List.of("/api/status", "/api/pipelines/walk1-gait", "/api/pipelines/walk1-gait/skeleton",
                    "/api/pipelines/walk1-gait/sessions/P-0001/bouts", "/api/events", "/metrics", "/")) {
                HttpResponse<String> r = get(base + path);
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat(IMAGE.matcher(r.body()).find()).as("image bytes in %s", path).isFalse();
            }
            assertThat(JSON.readTree(get(base + "/api/pipelines/walk1-gait/sessions/P-0001/bouts").body()))
                    .isNotEmpty();
            assertThat(get(base + "/api/pipelines/walk1-gait/sessions/..%2Fx/bouts").body())
                    .as("not a session id: said, not an empty trend").contains("is not a valid id");

            // Changing the session and deleting personal data need the token.
            assertThat(send(base + "/api/pipelines/walk1-gait/session", "PUT", "{\"session\":\"P-0002\"}", null)
                    .statusCode()).isEqualTo(401);
            assertThat(send(base + "/api/pipelines/walk1-gait/session", "PUT", "{\"session\":\"Jane Doe\"}", "s3cret")
                    .statusCode()).as("a name is not a pseudonym").isEqualTo(400);
            assertThat(send(base + "/api/pipelines/walk1-gait/session", "PUT", "{\"session\":\"P-0002\"}", "s3cret")
                    .statusCode()).isEqualTo(200);
            assertThat(send(base + "/api/pipelines/walk1-gait/sessions/P-0001/keypoints", "DELETE", null, null)
                    .statusCode()).isEqualTo(401);
            HttpResponse<String> deleted = send(base + "/api/pipelines/walk1-gait/sessions/P-0001/keypoints",
                    "DELETE", null, "s3cret");
            assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
            assertThat(JSON.readTree(deleted.body()).get("deleted_files").asInt()).isPositive();
            assertThat(JSON.readTree(get(base + "/api/pipelines/walk1-gait/sessions/P-0001/bouts").body())).isEmpty();
            sub.disconnect();
            sub.close();
        }
        assertThat(problems).as("every bout validates against loupe.gait.result/1").isEmpty();
        assertThat(imageBytes).as("MQTT topics whose payload looked like image bytes").isEmpty();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String url, String method, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
