package io.loupe.appliance.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loupe.appliance.Daemon;
import io.loupe.appliance.Repo;
import io.loupe.mqtt.payload.PayloadSchemas;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The JSON API, the token rule and /metrics, over real HTTP against a running appliance. */
class ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "test-token-1234";
    /** name{label="value",…} number — label values may hold any escaped text. */
    private static final Pattern PROM_SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\",?)*})? (-?[0-9.eE+-]+|NaN|[+-]Inf)");

    @TempDir
    static Path dir;
    static Daemon daemon;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        Path config = dir.resolve("appliance.yml");
        Files.writeString(config, """
                appliance: {id: api-box, site: test-site, dataDir: %s, nativeTrim: 1s}
                cameras:
                  line1: {url: "file:%s", loop: true, realtime: true}
                models:
                  det: {path: "%s"}
                pipelines:
                  line1-defects: {type: defect, camera: line1, model: det, settings: {ngImages: {dir: %s}}}
                  line1-triggered: {type: defect, camera: line1, model: det, settings: {mode: trigger, deadline: 2s}}
                mqtt: {url: embedded, port: 0}
                web: {host: 127.0.0.1, port: 0, token: %s}
                """.formatted(dir.resolve("data"), Repo.demoVideo(), Repo.demoModel(), dir.resolve("ng"), TOKEN));
        daemon = Daemon.start(config);
        base = "http://127.0.0.1:" + daemon.port();
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (status().get("pipelines").get(0).get("processed").asLong() < 3 && System.nanoTime() < until) {
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    private static JsonNode status() throws Exception {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/status")).build()).body());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder put(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void status_hasEveryPartOfTheBoxWithItsShape() throws Exception {
        JsonNode s = status();

        assertThat(s.get("node").asText()).isEqualTo("api-box");
        assertThat(s.get("site").asText()).isEqualTo("test-site");
        assertThat(s.get("version").asText()).isNotBlank();
        JsonNode camera = s.get("cameras").get(0);
        assertThat(camera.get("id").asText()).isEqualTo("line1");
        assertThat(camera.get("state").asText()).isEqualTo("ONLINE");
        assertThat(camera.get("info").get("width").asInt()).isEqualTo(640);
        JsonNode model = s.get("models").get(0);
        assertThat(model.get("info").get("sha256").asText()).hasSize(64);
        assertThat(model.get("info").get("provider").asText()).isEqualTo("CPU");
        assertThat(model.get("info").get("labels").get(0).asText()).isEqualTo("defect");
        JsonNode pipeline = s.get("pipelines").get(0);
        assertThat(pipeline.get("state").asText()).isEqualTo("RUNNING");
        assertThat(pipeline.get("processed").asLong()).isPositive();
        assertThat(pipeline.get("last_result").get("schema").asText()).isEqualTo("loupe.defect.result/1");
        List<String> phases = new ArrayList<>();
        pipeline.get("phases").forEach(p -> phases.add(p.get("phase").asText()));
        assertThat(phases).contains("CAPTURE", "RULES", "PUBLISH");
        assertThat(pipeline.get("domain").get("shift").get("parts").asLong()).isPositive();
        assertThat(s.get("mqtt").get("embedded").asBoolean()).isTrue();
        assertThat(s.get("mqtt").get("link").has("pending")).isTrue();
    }

    @Test
    void pipeline_detailShowsSetupAndRecentResults_unknownIdIs404() throws Exception {
        JsonNode d = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/pipelines/line1-defects")).build()).body());
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(URI.create(base + "/api/pipelines/nope")).build());

        assertThat(d.get("setup").get("type").asText()).isEqualTo("defect");
        assertThat(d.get("setup").get("settings").get("rules").get("min_score").asDouble()).isEqualTo(0.5);
        assertThat(d.get("recent").size()).isPositive();
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("known pipelines are [line1-defects, line1-triggered]");
    }

    @Test
    void events_listNgPartsNewestFirstWithTheirImage_badQueryIs400() throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode ng = null;
        while (ng == null && System.nanoTime() < until) {
            for (JsonNode e : JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/events?limit=200"))
                    .build()).body())) {
                if (e.get("kind").asText().equals("NG") && e.get("subject").asText().equals("line1-defects")
                        && e.hasNonNull("link")) {
                    ng = e;
                    break;
                }
            }
            Thread.sleep(200);
        }

        assertThat(ng).as("an NG event of line1-defects with a link to its image").isNotNull();
        assertThat(ng.get("alarm").asBoolean()).isTrue();
        assertThat(ng.get("text").asText()).contains("NG").contains("defect");
        HttpResponse<byte[]> image = HTTP.send(HttpRequest.newBuilder(URI.create(base + ng.get("link").asText()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("jpeg"));
        long id = ng.get("id").asLong();
        JsonNode newer = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/api/events?after=" + id))
                .build()).body());
        newer.forEach(e -> assertThat(e.get("id").asLong()).isGreaterThan(id));
        HttpResponse<String> bad = send(HttpRequest.newBuilder(URI.create(base + "/api/events?after=-1")).build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("after=-1");
    }

    @Test
    void stateChange_needsTheToken() throws Exception {
        HttpResponse<String> none = send(put("/api/pipelines/line1-defects/enabled", "{\"enabled\":false}").build());
        HttpResponse<String> wrong = send(put("/api/pipelines/line1-defects/enabled", "{\"enabled\":false}")
                .header("Authorization", "Bearer nope").build());
        HttpResponse<String> right = send(put("/api/pipelines/line1-defects/enabled", "{\"enabled\":false}")
                .header("Authorization", "Bearer " + TOKEN).build());
        JsonNode afterPause = status();
        HttpResponse<String> resumed = send(put("/api/pipelines/line1-defects/enabled", "{\"enabled\":true}")
                .header("X-Loupe-Token", TOKEN).build());
        HttpResponse<String> badBody = send(put("/api/pipelines/line1-defects/enabled", "{\"on\":1}")
                .header("X-Loupe-Token", TOKEN).build());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("API token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        assertThat(afterPause.get("pipelines").get(0).get("state").asText()).isEqualTo("PAUSED");
        assertThat(resumed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(resumed.body()).get("state").asText()).isEqualTo("RUNNING");
        assertThat(badBody.statusCode()).isEqualTo(400);
    }

    @Test
    void pipelineFps_countsTheFramesProcessed_evenWhereNoResultComes() throws Exception {
        JsonNode triggered = null;
        for (JsonNode p : status().get("pipelines")) {
            if (p.get("id").asText().equals("line1-triggered")) {
                triggered = p;
            }
        }

        assertThat(triggered).isNotNull();
        assertThat(triggered.get("processed").asLong()).isPositive();
        assertThat(triggered.get("fps").asDouble()).as("a pipeline in trigger mode, untriggered, reading a 25 fps clip")
                .isGreaterThan(1.0);
    }

    @Test
    void enabledChangedOverRest_isTheRetainedStateOnMqtt_whichTheStartSetToTrue() throws Exception {
        BlockingQueue<JsonNode> states = new LinkedBlockingQueue<>();
        MqttClient client = new MqttClient(daemon.appliance().brokerUrl(), "api-state", new MemoryPersistence());
        client.connect();
        try {
            client.subscribe(new MqttSubscription[]{new MqttSubscription(
                    "loupe/test-site/api-box/line1-triggered/enabled/state", 1)},
                    new IMqttMessageListener[]{(t, m) -> states.add(JSON.readTree(m.getPayload()))});
            JsonNode atStart = states.poll(10, TimeUnit.SECONDS);
            HttpResponse<String> off = send(put("/api/pipelines/line1-triggered/enabled", "{\"enabled\":false}")
                    .header("X-Loupe-Token", TOKEN).build());
            JsonNode afterOff = states.poll(10, TimeUnit.SECONDS);
            HttpResponse<String> on = send(put("/api/pipelines/line1-triggered/enabled", "{\"enabled\":true}")
                    .header("X-Loupe-Token", TOKEN).build());
            JsonNode afterOn = states.poll(10, TimeUnit.SECONDS);

            assertThat(atStart).as("retained since the start").isNotNull();
            assertThat(atStart.get("value").asBoolean()).isTrue();
            assertThat(off.statusCode()).as(off.body()).isEqualTo(200);
            assertThat(afterOff).isNotNull();
            assertThat(afterOff.get("value").asBoolean()).isFalse();
            assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
            assertThat(afterOn).isNotNull();
            assertThat(afterOn.get("value").asBoolean()).isTrue();
        } finally {
            client.disconnect();
            client.close();
        }
    }

    @Test
    void trigger_overRestAndMqtt_givesOneResultPerPartWithItsId_badCommandsGetAnError() throws Exception {
        BlockingQueue<JsonNode> results = new LinkedBlockingQueue<>();
        BlockingQueue<String> errors = new LinkedBlockingQueue<>();
        String root = "loupe/test-site/api-box/line1-triggered";
        MqttClient client = new MqttClient(daemon.appliance().brokerUrl(), "api-test", new MemoryPersistence());
        client.connect();
        try {
            client.subscribe(new MqttSubscription[]{new MqttSubscription(root + "/result", 1),
                    new MqttSubscription(root + "/error", 1)}, new IMqttMessageListener[]{
                    (t, m) -> results.add(JSON.readTree(m.getPayload())),
                    (t, m) -> errors.add(new String(m.getPayload(), StandardCharsets.UTF_8))});

            HttpResponse<String> noToken = send(post("/api/pipelines/line1-triggered/trigger", "{\"part\":\"A-0\"}").build());
            HttpResponse<String> rest = send(post("/api/pipelines/line1-triggered/trigger", "{\"part\":\"A-1\"}")
                    .header("Authorization", "Bearer " + TOKEN).build());
            JsonNode first = results.poll(20, TimeUnit.SECONDS);
            client.publish(root + "/trigger/set", new MqttMessage("{\"part\":\"A-2\"}".getBytes(StandardCharsets.UTF_8)));
            JsonNode second = results.poll(20, TimeUnit.SECONDS);
            client.publish(root + "/enabled/set", new MqttMessage("\"maybe\"".getBytes(StandardCharsets.UTF_8)));
            String error = errors.poll(20, TimeUnit.SECONDS);

            assertThat(noToken.statusCode()).isEqualTo(401);
            assertThat(rest.statusCode()).as(rest.body()).isEqualTo(202);
            assertThat(first).isNotNull();
            assertThat(first.get("part_id").asText()).isEqualTo("A-1");
            assertThat(first.get("mode").asText()).isEqualTo("TRIGGER");
            assertThat(first.get("verdict").asText()).isIn("OK", "NG");
            assertThat(PayloadSchemas.validate(PayloadSchemas.DEFECT_RESULT, JSON.writeValueAsBytes(first))).isEmpty();
            assertThat(second).isNotNull();
            assertThat(second.get("part_id").asText()).isEqualTo("A-2");
            assertThat(error).isNotNull().contains("enabled takes true or false");
            assertThat(results.poll(1, TimeUnit.SECONDS)).as("one result per trigger").isNull();
        } finally {
            client.disconnect();
            client.close();
        }
    }

    @Test
    void stats_retainedPerPipeline_validateAndCarryTheLinesYield() throws Exception {
        BlockingQueue<byte[]> stats = new LinkedBlockingQueue<>();
        MqttClient client = new MqttClient(daemon.appliance().brokerUrl(), "api-stats", new MemoryPersistence());
        client.connect();
        try {
            client.subscribe(new MqttSubscription[]{new MqttSubscription("loupe/test-site/api-box/line1-defects/stats", 1)},
                    new IMqttMessageListener[]{(t, m) -> stats.add(m.getPayload())});
            byte[] payload = stats.poll(25, TimeUnit.SECONDS);

            assertThat(payload).as("retained stats within 25 s").isNotNull();
            assertThat(PayloadSchemas.validate(PayloadSchemas.PIPELINE_STATS, payload)).isEmpty();
            JsonNode s = JSON.readTree(payload);
            assertThat(s.get("pipeline").asText()).isEqualTo("line1-defects");
            assertThat(s.get("frames").get("processed").asLong()).isPositive();
            assertThat(s.get("verdicts").get("ok").asLong() + s.get("verdicts").get("ng").asLong()).isPositive();
            assertThat(s.get("domain").get("schema").asText()).isEqualTo("loupe.defect.stats/1");
            assertThat(s.get("outbox").has("dropped")).isTrue();
        } finally {
            client.disconnect();
            client.close();
        }
    }

    private static HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void metrics_isPrometheusTextWithPerCameraAndPerPipelineSeries() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        for (String line : r.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                assertThat(line).as("Prometheus sample line").matches(PROM_SAMPLE);
            }
        }
        assertThat(r.body()).contains("loupe_camera_frames_total{camera=\"line1\"}")
                .contains("loupe_pipeline_processed_total{pipeline=\"line1-defects\"}")
                .contains("loupe_pipeline_latency_p99_ms{pipeline=\"line1-defects\"}")
                .contains("loupe_mqtt_connected");
        Matcher resident = Pattern.compile("\nloupe_process_resident_bytes (\\S+)").matcher(r.body());
        assertThat(resident.find()).as("the process's resident memory").isTrue();
        assertThat(Double.parseDouble(resident.group(1))).as("a JVM with ONNX Runtime and OpenCV loaded, bytes")
                .isGreaterThan(100e6);
    }

    @Test
    void metrics_nativeTrimEverySecond_handsFreedMemoryBackAndCountsIt() throws Exception {
        // the configuration above trims every 1s: the appliance started its trimmer, and the process had freed memory
        Pattern released = Pattern.compile("\nloupe_native_trim_released_bytes_total (\\S+)");
        double bytes = 0;
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (bytes <= 0 && System.nanoTime() < until) {
            Matcher m = released.matcher(send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build()).body());
            assertThat(m.find()).as("the trim's counter").isTrue();
            bytes = Double.parseDouble(m.group(1));
            Thread.sleep(500);
        }

        assertThat(bytes).as("bytes handed back within 20 s of 1 s trims").isPositive();
    }

    @Test
    void health_reportsEachComponent() throws Exception {
        JsonNode h = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/health")).build()).body());

        assertThat(h.get("status").asText()).isEqualTo("UP");
        JsonNode details = h.get("details").get("appliance").get("details");
        assertThat(details.get("camera.line1").asText()).isEqualTo("ONLINE");
        assertThat(details.get("pipeline.line1-defects").asText()).startsWith("RUNNING");
        HttpResponse<String> readiness = send(HttpRequest.newBuilder(URI.create(base + "/health/readiness")).build());
        HttpResponse<String> liveness = send(HttpRequest.newBuilder(URI.create(base + "/health/liveness")).build());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("camera.line1");
        assertThat(liveness.statusCode()).isEqualTo(200);
    }
}
