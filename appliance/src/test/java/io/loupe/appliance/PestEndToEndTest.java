package io.loupe.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loupe.mqtt.payload.PayloadSchemas;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

/**
 * A trap camera as a farm runs one: a folder the camera drops its pictures into, watched by the appliance; the demo
 * pest detector on tiles; results and threshold alerts over a real (embedded) MQTT broker, checked against their JSON
 * Schemas; the trap on the page's API; and the counts still there after a restart.
 */
class PestEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROOT = "loupe/farm/trap-box/trap1-pests";
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private Path config(Path inbox) throws Exception {
        Path config = dir.resolve("appliance.yml");
        Files.writeString(config, """
                appliance:
                  id: trap-box
                  site: farm
                  dataDir: %s
                cameras:
                  trap1:
                    url: file:%s/?watch=true
                models:
                  pests:
                    path: %s
                pipelines:
                  trap1-pests:
                    type: pest
                    camera: trap1
                    model: pests
                    mailbox: all
                    settings:
                      trap: trap-1
                      thresholds:
                        - {species: whitefly, min: 20, per: period}
                mqtt:
                  url: embedded
                  port: 0
                web:
                  host: 127.0.0.1
                  port: 0
                """.formatted(dir.resolve("data"), inbox, Repo.pestModel()));
        return config;
    }

    @Test
    void trapFolder_capturesDroppedIn_countedPublishedAlertedAndKeptOverARestart() throws Exception {
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path config = config(inbox);
        Path series = Repo.pestSeries().resolve("captures");
        BlockingQueue<JsonNode> results = new LinkedBlockingQueue<>();
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        List<String> problems = new CopyOnWriteArrayList<>();
        try (Daemon daemon = Daemon.start(config)) {
            MqttClient sub = subscriber(daemon, results, events, problems);
            // Captures 1-3, then a black picture (lens covered), then captures 4-6 (the card changed before 5).
            for (int k = 1; k <= 6; k++) {
                if (k == 4) {
                    try (Mat black = new Mat(1600, 2400, CV_8UC3, new Scalar(0, 0, 0, 0))) {
                        imwrite(inbox.resolve("0003b.jpg").toString(), black);
                    }
                    assertThat(next(results).get("status").asText()).isEqualTo("failed");
                }
                String name = String.format("%04d.jpg", k);
                Files.copy(series.resolve(name), inbox.resolve(name + ".part"));
                Files.move(inbox.resolve(name + ".part"), inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                JsonNode r = next(results);
                assertThat(r.get("status").asText()).as("capture %d", k).isEqualTo("counted");
            }
            sub.disconnect();
            sub.close();
            String base = "http://127.0.0.1:" + daemon.port();
            JsonNode status = JSON.readTree(get(base + "/api/status").body());
            JsonNode trap = status.get("pipelines").get(0).get("domain");
            assertThat(trap.get("trap").asText()).isEqualTo("trap-1");
            assertThat(trap.get("period").asInt()).isEqualTo(2);
            assertThat(trap.get("history").size()).isEqualTo(6);
            assertThat(trap.get("failed").asInt()).isEqualTo(1);
            assertThat(get(base + "/api/cameras/trap1/snapshot.jpg").statusCode()).isEqualTo(200);
        }
        assertThat(problems).as("every payload validates against its JSON Schema").isEmpty();
        assertThat(events).as("whitefly >= 20 on the first card is crossed once, ends with the card change")
                .extracting(e -> e.get("type").asText()).startsWith("new").contains("end");
        assertThat(events).filteredOn(e -> e.get("type").asText().equals("new")).hasSizeLessThanOrEqualTo(2);
        assertThat(events.get(0).get("kind").asText()).isEqualTo("pest_threshold");

        // A restart keeps the trap's counts: the same period, the same history.
        try (Daemon daemon = Daemon.start(config)) {
            String base = "http://127.0.0.1:" + daemon.port();
            JsonNode trap = JSON.readTree(get(base + "/api/status").body()).get("pipelines").get(0).get("domain");
            assertThat(trap.get("period").asInt()).isEqualTo(2);
            assertThat(trap.get("history").size()).isEqualTo(6);
            assertThat(trap.get("species").get(0).get("period").asInt()).as("whitefly on the second card").isPositive();
        }
    }

    private MqttClient subscriber(Daemon daemon, BlockingQueue<JsonNode> results, List<JsonNode> events,
                                  List<String> problems) throws Exception {
        MqttClient sub = new MqttClient(daemon.appliance().brokerUrl(), "pest-sub", new MemoryPersistence());
        MqttConnectionOptions opts = new MqttConnectionOptions();
        opts.setCleanStart(true);
        sub.connect(opts);
        sub.subscribe(new MqttSubscription[]{new MqttSubscription(ROOT + "/result", 1),
                new MqttSubscription(ROOT + "/event", 1)}, new IMqttMessageListener[]{
                    (topic, msg) -> {
                        problems.addAll(PayloadSchemas.validate(PayloadSchemas.PEST_RESULT, msg.getPayload()));
                        results.add(JSON.readTree(msg.getPayload()));
                    },
                    (topic, msg) -> {
                        problems.addAll(PayloadSchemas.validate(PayloadSchemas.PIPELINE_EVENT, msg.getPayload()));
                        events.add(JSON.readTree(msg.getPayload()));
                    }});
        return sub;
    }

    private static JsonNode next(BlockingQueue<JsonNode> results) throws InterruptedException {
        JsonNode r = results.poll(60, TimeUnit.SECONDS);
        assertThat(r).as("a result within 60 s").isNotNull();
        return r;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
