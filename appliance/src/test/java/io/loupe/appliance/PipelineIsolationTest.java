package io.loupe.appliance;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
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
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** One pipeline that cannot start never stops the others: it is shown FAILED with its reason, and they run. */
class PipelineIsolationTest {
    private static final String TOKEN = "isolation-token-1234";

    @Test
    void aPipelineWhoseModelFailsAndOneWhoseSettingsDoNotFitTheirModel_fail_theOtherRuns_commandsToThemAreConflicts(
            @TempDir Path dir)
            throws Exception {
        Path notAModel = Files.writeString(dir.resolve("broken.onnx"), "not an ONNX model");
        Path config = Files.writeString(dir.resolve("appliance.yml"), """
                appliance:
                  id: isolation-box
                  site: test-site
                  dataDir: %s
                cameras:
                  line1:
                    url: file:%s
                    loop: true
                  trap1:
                    url: file:%s
                    loop: true
                  line2:
                    url: test:pattern?width=320&height=240&fps=25
                models:
                  det:
                    path: %s
                  pests:
                    path: %s
                  broken:
                    path: %s
                pipelines:
                  good:
                    type: defect
                    camera: line1
                    model: det
                  misspelt:
                    type: pest
                    camera: trap1
                    model: pests
                    settings:
                      thresholds:
                        - {species: whitefli, min: 30, per: week}
                  unloadable:
                    type: defect
                    camera: line2
                    model: broken
                mqtt:
                  url: embedded
                  port: 0
                web:
                  host: 127.0.0.1
                  port: 0
                  token: %s
                """.formatted(dir.resolve("data"), Repo.demoVideo(), Repo.pestSeries().resolve("captures/*.jpg"),
                Repo.demoModel(), Repo.pestModel(), notAModel, TOKEN));

        try (Daemon daemon = Daemon.start(config)) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            Map<String, PipelineView> views = views(daemon);
            while (views.get("good").processed() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                views = views(daemon);
            }

            assertThat(views.get("good").state()).isEqualTo("RUNNING");
            assertThat(views.get("good").processed()).as("frames the good pipeline processed").isPositive();
            assertThat(views.get("misspelt").state()).isEqualTo("FAILED");
            assertThat(views.get("misspelt").error()).startsWith("thresholds name 'whitefli'")
                    .contains("use one of [whitefly, aphid, thrips, fungus_gnat, moth]");
            assertThat(views.get("unloadable").state()).isEqualTo("FAILED");
            assertThat(views.get("unloadable").error()).contains("model broken failed to load")
                    .contains(notAModel.toString());

            // and a command to one that failed is a conflict that says why, over REST and over MQTT, as is the lack
            // of a picture from the camera whose only pipeline failed
            HttpResponse<String> enable = send(daemon, "PUT", "/api/pipelines/misspelt/enabled",
                    "{\"enabled\":false}");
            HttpResponse<String> trigger = send(daemon, "POST", "/api/pipelines/unloadable/trigger",
                    "{\"part\":\"A-1\"}");
            String mqttError = mqttError(daemon, "misspelt", "enabled", "false");
            HttpResponse<String> snapshot = send(daemon, "GET", "/api/cameras/line2/snapshot.jpg", "");
            assertThat(enable.statusCode()).as(enable.body()).isEqualTo(409);
            assertThat(enable.body()).contains("pipeline 'misspelt' is not running: it failed to start")
                    .contains("thresholds name 'whitefli'").contains("reload");
            assertThat(trigger.statusCode()).as(trigger.body()).isEqualTo(409);
            assertThat(trigger.body()).contains("pipeline 'unloadable' is not running").contains("failed to load");
            assertThat(snapshot.statusCode()).isEqualTo(503);
            assertThat(snapshot.body()).contains("none of its pipelines is running (unloadable: model broken failed"
                    + " to load").contains("fix the configuration and reload it");
            assertThat(mqttError).isNotNull().contains("\"error\":\"refused\"").contains("failed to start")
                    .contains("thresholds name 'whitefli'");
        }
    }

    private static HttpResponse<String> send(Daemon daemon, String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port()
                        + path)).header("Content-Type", "application/json").header("X-Loupe-Token", TOKEN)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a command over MQTT and waits for the error it gets. */
    private static String mqttError(Daemon daemon, String pipeline, String setting, String value) throws Exception {
        BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        String root = "loupe/test-site/isolation-box/" + pipeline;
        MqttClient client = new MqttClient(daemon.appliance().brokerUrl(), "isolation-test", new MemoryPersistence());
        client.connect();
        try {
            client.subscribe(new MqttSubscription[]{new MqttSubscription(root + "/error", 1)},
                    new IMqttMessageListener[]{(t, m) -> errors.add(new String(m.getPayload(), StandardCharsets.UTF_8))});
            client.publish(root + "/" + setting + "/set", new MqttMessage(value.getBytes(StandardCharsets.UTF_8)));
            return errors.poll(20, TimeUnit.SECONDS);
        } finally {
            client.disconnect();
            client.close();
        }
    }

    private static Map<String, PipelineView> views(Daemon daemon) {
        return daemon.appliance().status().pipelines().stream()
                .collect(Collectors.toMap(PipelineView::id, Function.identity()));
    }
}
