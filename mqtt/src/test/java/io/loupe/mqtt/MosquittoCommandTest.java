package io.loupe.mqtt;

import static io.loupe.mqtt.LinkContractTest.FAST;
import static io.loupe.mqtt.LinkContractTest.WAIT;
import static io.loupe.mqtt.LinkContractTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.loupe.mqtt.bench.LocalMosquitto;
import io.loupe.mqtt.command.CommandResult;
import io.loupe.mqtt.payload.PayloadSchemas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands over a real Mosquitto: a valid set is applied and its state retained; malformed, unknown, refused and
 * unauthorised commands are answered on {@code …/error} with nothing applied; every reply validates against its schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MosquittoCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NODES = new AtomicInteger();

    @TempDir
    static Path dir;
    private LocalMosquitto broker;
    private MqttLink link;
    private TestSubscriber client;
    private Topics topics;

    @BeforeAll
    void startMosquitto() throws Exception {
        Requirements.mosquitto();
        broker = LocalMosquitto.builder(dir.resolve("broker")).start();
    }

    @AfterAll
    void stopMosquitto() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void closeLink() {
        if (client != null) {
            client.close();
        }
        if (link != null) {
            link.close();
        }
    }

    /** A connected link with {@code handler} and a client subscribed to everything of its node. */
    private void start(MqttSettings.Builder b, io.loupe.mqtt.command.CommandHandler handler) throws Exception {
        MqttSettings s = b.url(broker.url()).build();
        topics = s.topics();
        client = TestSubscriber.subscribe(broker.url(), topics.all());
        link = new MqttLink(s, new MemoryOutbox(1_000), () -> null, FAST);
        link.handleCommands(handler);
        link.start();
        Await.until(() -> link.status().connected(), WAIT, link::status);
    }

    private static MqttSettings.Builder node() {
        return MqttSettings.builder("cmd", "node-" + NODES.incrementAndGet());
    }

    private JsonNode awaitError(String pipeline) throws Exception {
        String topic = topics.under(pipeline, "error");
        client.awaitCount(topic, 1, WAIT);
        String payload = client.payloads(topic).get(0);
        assertEquals(List.of(), PayloadSchemas.validate(PayloadSchemas.COMMAND_ERROR, utf8(payload)), payload);
        return JSON.readTree(payload);
    }

    private JsonNode awaitState(String pipeline, String setting) throws Exception {
        String topic = topics.state(pipeline, setting);
        client.awaitCount(topic, 1, WAIT);
        String payload = client.payloads(topic).get(0);
        assertEquals(List.of(), PayloadSchemas.validate(PayloadSchemas.COMMAND_STATE, utf8(payload)), payload);
        return JSON.readTree(payload);
    }

    private List<String> states() {
        return client.received().stream().map(TestSubscriber.Received::topic).filter(t -> t.endsWith("/state"))
                .toList();
    }

    @Test
    void validSet_isApplied_andTheAppliedValueRetainedOnState() throws Exception {
        TestSettingsHandler h = new TestSettingsHandler();
        start(node(), h);

        client.publish(topics.set("line1", "minScore"), "0.7", false);

        JsonNode state = awaitState("line1", "minScore");
        assertEquals(0.7, state.get("value").asDouble());
        assertEquals("line1", state.get("pipeline").asText());
        assertEquals("minScore", state.get("setting").asText());
        assertEquals(topics.node(), state.get("node").asText());
        assertEquals(0.7, h.values.get("minScore").asDouble());
        try (TestSubscriber later = TestSubscriber.subscribe(broker.url(), topics.state("line1", "minScore"))) {
            later.awaitCount(topics.state("line1", "minScore"), 1, WAIT);
            assertTrue(later.received().get(0).retained(), "state is not retained");
        }
    }

    @Test
    void malformedJson_isRejectedOnError_echoingThePayload_andTheHandlerNeverCalled() throws Exception {
        TestSettingsHandler h = new TestSettingsHandler();
        start(node(), h);

        client.publish(topics.set("line1", "enabled"), "on", false);

        JsonNode e = awaitError("line1");
        assertEquals("malformed", e.get("error").asText());
        assertEquals("enabled", e.get("setting").asText());
        assertEquals("on", e.get("payload").asText());
        assertTrue(e.get("reason").asText().contains("send the value as JSON"), e.toString());
        assertTrue(e.get("reason").asText().contains("\"on\" (with the quotes)"), e.toString());
        assertTrue(h.calls.isEmpty());
        assertTrue(states().isEmpty());
    }

    @Test
    void emptyPayload_isRejectedAsMalformed() throws Exception {
        TestSettingsHandler h = new TestSettingsHandler();
        start(node(), h);

        client.publish(topics.set("line1", "minScore"), "", false);

        JsonNode e = awaitError("line1");
        assertEquals("malformed", e.get("error").asText());
        assertTrue(e.get("reason").asText().startsWith("the payload is empty"), e.toString());
        assertTrue(h.calls.isEmpty());
    }

    @Test
    void unknownSetting_isRejectedByTheHandler_withNothingApplied() throws Exception {
        TestSettingsHandler h = new TestSettingsHandler();
        start(node(), h);

        client.publish(topics.set("line1", "colour"), "\"red\"", false);

        JsonNode e = awaitError("line1");
        assertEquals("unknown_setting", e.get("error").asText());
        assertTrue(e.get("reason").asText().contains("use minScore, maxDefects, enabled or rules"), e.toString());
        assertEquals(1, h.calls.size());
        assertTrue(states().isEmpty());
    }

    @Test
    void unknownPipeline_isRejectedOnThatPipelinesErrorTopic() throws Exception {
        start(node(), new TestSettingsHandler());

        client.publish(topics.set("line9", "minScore"), "0.5", false);

        JsonNode e = awaitError("line9");
        assertEquals("unknown_pipeline", e.get("error").asText());
        assertEquals("line9", e.get("pipeline").asText());
    }

    @Test
    void objectWithOneInvalidField_isRejected_andNoFieldIsApplied() throws Exception {
        TestSettingsHandler h = new TestSettingsHandler();
        start(node(), h);

        client.publish(topics.set("line1", "rules"), "{\"minScore\":0.9,\"maxDefects\":-2}", false);

        JsonNode e = awaitError("line1");
        assertEquals("invalid_value", e.get("error").asText());
        assertTrue(e.get("reason").asText().startsWith("rules.maxDefects -2"), e.toString());
        assertEquals(0.5, h.values.get("minScore").asDouble(), "minScore was applied half-way");
        assertEquals(3, h.values.get("maxDefects").asInt());
        assertTrue(states().isEmpty());

        // and the same object with valid fields is applied whole
        client.publish(topics.set("line1", "rules"), "{\"minScore\":0.9,\"maxDefects\":2}", false);
        JsonNode state = awaitState("line1", "rules");
        assertEquals(0.9, state.get("value").get("minScore").asDouble());
        assertEquals(2, state.get("value").get("maxDefects").asInt());
    }

    @Test
    void settingOutsideTheAcl_isRejectedNamingTheAcl_andTheHandlerNeverCalled() throws Exception {
        TestSettingsHandler h = new TestSettingsHandler();
        start(node().commandAcl(Set.of("line1/minScore", "enabled")), h);

        client.publish(topics.set("line1", "maxDefects"), "5", false);
        client.publish(topics.set("line1", "enabled"), "false", false);

        JsonNode e = awaitError("line1");
        assertEquals("not_in_acl", e.get("error").asText());
        String reason = e.get("reason").asText();
        assertTrue(reason.startsWith("setting \"maxDefects\" of pipeline \"line1\" may not be changed over MQTT"),
                reason);
        assertTrue(reason.contains("mqtt.commandAcl"), reason);
        assertTrue(reason.contains("add \"maxDefects\" or \"line1/maxDefects\""), reason);
        JsonNode state = awaitState("line1", "enabled");
        assertFalse(state.get("value").asBoolean());
        assertEquals(List.of("enabled"), h.calls.stream().map(c -> c.setting()).toList());
        assertEquals(3, h.values.get("maxDefects").asInt());
    }

    @Test
    void handlerThatThrows_isReportedAsFailed() throws Exception {
        start(node(), new TestSettingsHandler());

        client.publish(topics.set("line1", "explode"), "1", false);

        JsonNode e = awaitError("line1");
        assertEquals("failed", e.get("error").asText());
        assertTrue(e.get("reason").asText().contains("boom"), e.toString());
    }

    @Test
    void longPayload_isEchoedCut_withItsFullLength() throws Exception {
        start(node(), new TestSettingsHandler());
        String big = "x".repeat(1_000);

        client.publish(topics.set("line1", "minScore"), big, false);

        JsonNode e = awaitError("line1");
        assertEquals(256, e.get("payload").asText().length());
        assertTrue(e.get("payload_truncated").asBoolean());
        assertEquals(1_000, e.get("payload_bytes").asInt());
    }

    @Test
    void moreCommandsThanTheQueueHolds_theRestAreRejectedAsBusy() throws Exception {
        // given a handler stuck on its first command
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        start(node(), c -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handled.incrementAndGet();
            return CommandResult.applied(c.value());
        });

        // when 1 + 64 + 5 commands arrive
        int n = 1 + CommandDispatcher.QUEUE + 5;
        for (int i = 0; i < n; i++) {
            client.publish(topics.set("line1", "minScore"), Integer.toString(i), false);
        }

        // then the last 5 are rejected as busy, the others are handled once the handler is free
        String errors = topics.under("line1", "error");
        client.awaitCount(errors, 5, WAIT);
        for (String p : client.payloads(errors)) {
            assertEquals("busy", JSON.readTree(p).get("error").asText());
        }
        release.countDown();
        Await.until(() -> handled.get() == n - 5, WAIT, handled::get);
    }

    @Test
    void publishState_withoutACommand_publishesTheRetainedState() throws Exception {
        start(node(), new TestSettingsHandler());

        link.publishState("line1", "minScore", JsonNodeFactory.instance.numberNode(0.25));

        assertEquals(0.25, awaitState("line1", "minScore").get("value").asDouble());
        assertThrows(IllegalArgumentException.class,
                () -> link.publishState("line/1", "x", JsonNodeFactory.instance.nullNode()));
    }

    @Test
    void retainedCommand_overMqtt311_isRejectedAndNotApplied() throws Exception {
        // given a command left retained on the broker
        MqttSettings.Builder b = node().protocol(MqttProtocol.V3_1_1);
        Topics t = b.url(broker.url()).build().topics();
        try (TestSubscriber publisher = TestSubscriber.subscribe(broker.url(), t.all())) {
            publisher.publish(t.set("line1", "enabled"), "false", true);
        }

        // when a 3.1.1 link subscribes (3.1.1 has no retain handling: the broker sends it)
        TestSettingsHandler h = new TestSettingsHandler();
        start(b, h);

        // then it is answered as retained, and not applied
        JsonNode e = awaitError("line1");
        assertEquals("retained", e.get("error").asText());
        assertTrue(e.get("reason").asText().contains("without the retain flag"), e.toString());
        assertTrue(h.calls.isEmpty());
        client.publish(t.set("line1", "enabled"), "", true);
    }
}
