package io.loupe.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loupe.mqtt.payload.PayloadSchemas;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole appliance from one config: the demo video through the demo model, results over a real (embedded) MQTT
 * broker to a real client, and the web page and API over real HTTP.
 */
class EndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void demoVideo_throughDefectPipeline_publishesNumberedResultsAndServesThePage() throws Exception {
        Path config = dir.resolve("appliance.yml");
        Files.writeString(config, """
                appliance:
                  id: e2e-box
                  site: test-site
                  dataDir: %s
                cameras:
                  line1:
                    url: file:%s
                    realtime: false
                models:
                  det:
                    path: %s
                pipelines:
                  line1-defects:
                    type: defect
                    camera: line1
                    model: det
                    mailbox: all
                mqtt:
                  url: embedded
                  port: 0
                web:
                  host: 127.0.0.1
                  port: 0
                """.formatted(dir.resolve("data"), Repo.demoVideo(), Repo.demoModel()));

        BlockingQueue<JsonNode> results = new LinkedBlockingQueue<>();
        Map<String, String> retained = new ConcurrentHashMap<>();
        List<String> schemaProblems = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Daemon daemon = Daemon.start(config)) {
            MqttClient sub = new MqttClient(daemon.appliance().brokerUrl(), "e2e-sub", new MemoryPersistence());
            MqttConnectionOptions opts = new MqttConnectionOptions();
            opts.setCleanStart(true);
            sub.connect(opts);
            // (Paho 1.2.5's subscribe(String[], int[], listeners) recurses forever: use MqttSubscription[].)
            sub.subscribe(new MqttSubscription[]{new MqttSubscription("loupe/test-site/e2e-box/line1-defects/result", 1),
                    new MqttSubscription("loupe/test-site/e2e-box/status", 1),
                    new MqttSubscription("loupe/test-site/e2e-box/status/#", 1)}, new IMqttMessageListener[]{
                            (topic, msg) -> {
                                schemaProblems.addAll(PayloadSchemas.validate(PayloadSchemas.DEFECT_RESULT, msg.getPayload()));
                                results.add(JSON.readTree(msg.getPayload()));
                            },
                            (topic, msg) -> retained.put(topic, new String(msg.getPayload(), StandardCharsets.UTF_8)),
                            (topic, msg) -> retained.put(topic, new String(msg.getPayload(), StandardCharsets.UTF_8))});

            String base = "http://127.0.0.1:" + daemon.port();
            // The clip plays once with mailbox 'all': every frame must give exactly one result, in order.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            JsonNode status = JSON.readTree(get(base + "/api/status").body());
            while (!"ENDED".equals(status.get("pipelines").get(0).get("state").asText()) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                status = JSON.readTree(get(base + "/api/status").body());
            }
            assertThat(status.get("pipelines").get(0).get("state").asText()).as("pipeline state").isEqualTo("ENDED");
            long frames = status.get("cameras").get(0).get("frames").asLong();
            List<JsonNode> got = new java.util.ArrayList<>();
            JsonNode n;
            while ((n = results.poll(5, TimeUnit.SECONDS)) != null && got.size() < frames) {
                got.add(n);
            }

            // Results published before the test's subscription are not retained, so the run is checked from the first
            // one received to the end: no gap, one result per frame (result seq = frame seq), the last frame included.
            assertThat(frames).isGreaterThan(100);
            assertThat(got).hasSizeGreaterThan(50);
            long from = got.get(0).get("seq").asLong();
            assertThat(got).extracting(r -> r.get("seq").asLong())
                    .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(from, frames).boxed().toList());
            assertThat(got).allSatisfy(r -> assertThat(r.get("frame").get("seq").asLong()).isEqualTo(r.get("seq").asLong()));
            JsonNode first = got.get(0);
            assertThat(first.get("schema").asText()).isEqualTo("loupe.defect.result/1");
            assertThat(first.get("node").asText()).isEqualTo("e2e-box");
            assertThat(first.get("site").asText()).isEqualTo("test-site");
            assertThat(first.get("pipeline").asText()).isEqualTo("line1-defects");
            assertThat(first.get("camera").asText()).isEqualTo("line1");
            assertThat(first.get("model").get("sha256").asText()).hasSize(64);
            assertThat(first.get("ts").asText()).isNotBlank();
            assertThat(first.get("frame").get("width").asInt()).isEqualTo(640);
            // The demo clip has defect-free stretches and defective parts: both verdicts occur, and NG comes with boxes.
            assertThat(got).extracting(r -> r.get("verdict").asText()).contains("OK", "NG");
            assertThat(got).filteredOn(r -> r.get("verdict").asText().equals("NG"))
                    .allSatisfy(r -> assertThat(r.get("defects").size()).isPositive());
            assertThat(got).filteredOn(r -> r.get("verdict").asText().equals("OK"))
                    .allSatisfy(r -> assertThat(r.get("defects").size()).isZero());
            assertThat(retained.get("loupe/test-site/e2e-box/status")).isEqualTo("online");
            assertThat(schemaProblems).as("every result validates against its JSON Schema").isEmpty();
            assertThat(PayloadSchemas.validate(PayloadSchemas.STATUS_BIRTH,
                    retained.get("loupe/test-site/e2e-box/status/birth").getBytes(StandardCharsets.UTF_8))).isEmpty();
            JsonNode birth = JSON.readTree(retained.get("loupe/test-site/e2e-box/status/birth"));
            assertThat(birth.get("schema").asText()).isEqualTo("loupe.status.birth/1");
            assertThat(birth.get("models").get(0).get("provider").asText()).isEqualTo("CPU");
            assertThat(birth.get("pipelines").get(0).get("state").asText()).isEqualTo("RUNNING");
            // The clip ended (played once): the camera's retained state says so.
            JsonNode camera = JSON.readTree(retained.get("loupe/test-site/e2e-box/status/camera/line1"));
            assertThat(PayloadSchemas.validate(PayloadSchemas.CAMERA_STATUS,
                    retained.get("loupe/test-site/e2e-box/status/camera/line1").getBytes(StandardCharsets.UTF_8))).isEmpty();
            assertThat(camera.get("schema").asText()).isEqualTo("loupe.camera.status/1");
            assertThat(camera.get("state").asText()).isEqualTo("ENDED");

            assertThat(status.get("cameras").get(0).get("id").asText()).isEqualTo("line1");
            assertThat(status.get("pipelines").get(0).get("processed").asLong()).isPositive();
            assertThat(status.get("mqtt").get("link").get("connected").asBoolean()).isTrue();
            assertThat(status.get("mqtt").get("link").get("acked").asLong()).isGreaterThanOrEqualTo(frames);

            HttpResponse<byte[]> jpeg = http.send(HttpRequest.newBuilder(URI.create(base + "/api/cameras/line1/snapshot.jpg")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(jpeg.statusCode()).isEqualTo(200);
            assertThat(jpeg.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("image/jpeg"));
            assertThat(jpeg.body()[0] & 0xff).isEqualTo(0xFF);
            assertThat(jpeg.body()[1] & 0xff).isEqualTo(0xD8);

            assertThat(get(base + "/api/cameras/nope/snapshot.jpg").statusCode()).isEqualTo(404);
            assertThat(get(base + "/").body()).contains("<title>Loupe</title>");
            assertThat(get(base + "/health").body()).contains("UP");

            daemon.close();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!"offline".equals(retained.get("loupe/test-site/e2e-box/status")) && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            // The broker is embedded, so it stops with the appliance: 'offline' must have arrived before that.
            assertThat(retained.get("loupe/test-site/e2e-box/status")).isEqualTo("offline");
            closeQuietly(sub);
        }
    }

    private static void closeQuietly(MqttClient client) {
        try {
            client.disconnectForcibly(100, 100);
        } catch (Exception e) {
            // already disconnected: the embedded broker stopped with the appliance
        }
        try {
            client.close(true);
        } catch (Exception e) {
            // nothing left to release
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
