package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import io.loupe.mqtt.command.CommandResult;
import io.loupe.mqtt.payload.PayloadSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every broker must show of an {@link MqttLink}: online and birth, order, offline on close, will on a dead
 * connection, a command answered with its retained state. Subclasses supply a running broker (embedded HiveMQ, real
 * Mosquitto) and the protocol (MQTT 5 unless overridden).
 */
abstract class LinkContractTest {

    static final LinkTuning FAST = LinkTuning.defaults().withReconnect(Duration.ofMillis(100), Duration.ofMillis(500));
    static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicInteger NODES = new AtomicInteger();

    private final List<AutoCloseable> toClose = new ArrayList<>();

    protected abstract String brokerUrl();

    protected abstract int brokerPort();

    /** The protocol the link speaks; the test subscribers always speak MQTT 5. */
    protected MqttProtocol protocol() {
        return MqttProtocol.V5;
    }

    /** Settings for a node no other test uses, so that retained messages of other tests do not interfere. */
    MqttSettings settings(String url) {
        int n = NODES.incrementAndGet();
        return MqttSettings.builder("site-" + getClass().getSimpleName(), "node-" + n + "-" + System.nanoTime())
                .url(url)
                .protocol(protocol())
                .build();
    }

    MqttLink link(MqttSettings s, Supplier<byte[]> birth) {
        MqttLink link = new MqttLink(s, new MemoryOutbox(s.maxPending()), birth, FAST);
        toClose.add(link);
        return link;
    }

    <T extends AutoCloseable> T closeLater(T c) {
        toClose.add(c);
        return c;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        toClose.clear();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static void awaitConnected(MqttLink link) {
        Await.until(() -> link.status().connected(), WAIT, link::status);
    }

    @Test
    void start_connects_publishesOnlineAndBirth_bothRetained() throws Exception {
        // given a subscriber on the node's status topics and a link with a birth message
        MqttSettings s = settings(brokerUrl());
        Topics topics = s.topics();
        TestSubscriber live = closeLater(TestSubscriber.subscribe(brokerUrl(), topics.status() + "/#"));
        String birth = "{\"schema\":\"loupe.birth/1\",\"node\":\"" + topics.node() + "\"}";
        MqttLink link = link(s, () -> utf8(birth));

        // when the link starts
        link.start();
        awaitConnected(link);

        // then online and the birth arrive, and a later subscriber gets both as retained messages
        live.awaitPayload(topics.status(), MqttLink.ONLINE, WAIT);
        live.awaitPayload(topics.birth(), birth, WAIT);
        try (TestSubscriber later = TestSubscriber.subscribe(brokerUrl(), topics.status() + "/#")) {
            later.awaitCount(topics.birth(), 1, WAIT);
            later.awaitCount(topics.status(), 1, WAIT);
            assertEquals(List.of(new TestSubscriber.Received(topics.status(), MqttLink.ONLINE, true)),
                    later.received().stream().filter(r -> r.topic().equals(topics.status())).toList());
            assertEquals(List.of(new TestSubscriber.Received(topics.birth(), birth, true)),
                    later.received().stream().filter(r -> r.topic().equals(topics.birth())).toList());
        }
        LinkStatus st = link.status();
        assertEquals(s.url(), st.url());
        assertNotNull(st.since());
    }

    @Test
    void publish_fiveHundredMessages_arriveInOrderAndAreAllAcked() throws Exception {
        // given a connected link and a subscriber on a result topic
        MqttSettings s = settings(brokerUrl());
        String topic = s.topics().result("defect");
        TestSubscriber sub = closeLater(TestSubscriber.subscribe(brokerUrl(), topic));
        MqttLink link = link(s, () -> utf8("{}"));
        link.start();
        awaitConnected(link);

        // when 500 messages are published back to back
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            sent.add("seq-" + i);
            link.publish(topic, utf8("seq-" + i), false);
        }

        // then they arrive once each, in order, and the outbox empties
        sub.awaitCount(topic, 500, WAIT);
        assertEquals(sent, sub.payloads(topic));
        Await.until(() -> link.status().acked() == 500, WAIT, link::status);
        LinkStatus st = link.status();
        assertEquals(500, st.published());
        assertEquals(0, st.pending());
        assertEquals(0, st.dropped());
        assertEquals(0, st.rejected());
    }

    @Test
    void close_sendsWhatIsQueued_thenLeavesRetainedOffline() throws Exception {
        // given a connected link with messages just queued
        MqttSettings s = settings(brokerUrl());
        Topics topics = s.topics();
        String topic = topics.event("pest");
        TestSubscriber sub = closeLater(TestSubscriber.subscribe(brokerUrl(), topic));
        MqttLink link = link(s, () -> utf8("{}"));
        link.start();
        awaitConnected(link);
        for (int i = 0; i < 20; i++) {
            link.publish(topic, utf8("e" + i), false);
        }

        // when it closes (twice: close is idempotent)
        link.close();
        link.close();

        // then the queued messages went out first, and the status topic retains "offline"
        sub.awaitCount(topic, 20, WAIT);
        assertEquals("e19", sub.payloads(topic).get(19));
        try (TestSubscriber later = TestSubscriber.subscribe(brokerUrl(), topics.status())) {
            later.awaitCount(topics.status(), 1, WAIT);
            assertEquals(List.of(new TestSubscriber.Received(topics.status(), MqttLink.OFFLINE, true)),
                    later.received());
        }
        LinkStatus st = link.status();
        assertFalse(st.connected());
        assertEquals(0, st.pending());
        assertEquals(20, st.acked());
    }

    @Test
    void connectionDies_brokerPublishesWillOffline_thenLinkReconnectsAndDelivers() throws Exception {
        // given a link whose TCP connection runs through a relay the test can cut
        TcpProxy proxy = closeLater(TcpProxy.to(brokerPort()));
        MqttSettings s = settings(proxy.url());
        Topics topics = s.topics();
        String topic = topics.result("gait");
        TestSubscriber status = closeLater(TestSubscriber.subscribe(brokerUrl(), topics.status()));
        TestSubscriber results = closeLater(TestSubscriber.subscribe(brokerUrl(), topic));
        MqttLink link = link(s, () -> utf8("{}"));
        link.start();
        status.awaitPayload(topics.status(), MqttLink.ONLINE, WAIT);
        // the link is up only once its birth message is out too: a cut before that is a failed connect, not a loss
        awaitConnected(link);

        // when the connection dies without a DISCONNECT, and messages are published meanwhile
        proxy.cutAll();
        for (int i = 0; i < 10; i++) {
            link.publish(topic, utf8("r" + i), false);
        }

        // then the broker publishes the will, the link comes back online and delivers everything in order
        Await.until(() -> status.payloads(topics.status()).size() >= 3, WAIT,
                () -> status.payloads(topics.status()).toString());
        assertEquals(List.of(MqttLink.ONLINE, MqttLink.OFFLINE, MqttLink.ONLINE),
                status.payloads(topics.status()).subList(0, 3));
        results.awaitDistinct(topic, 10, WAIT);
        assertEquals(List.of("r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9"),
                firstArrivals(results.payloads(topic)));
        awaitConnected(link);
        String lastError = link.status().lastError();
        assertNotNull(lastError);
        assertTrue(lastError.contains("lost"), lastError);
    }

    @Test
    void connectionDies_fiveTimesInARow_linkComesBackEachTime() throws Exception {
        // given a connected link behind a relay the test can cut
        TcpProxy proxy = closeLater(TcpProxy.to(brokerPort()));
        MqttSettings s = settings(proxy.url());
        String topic = s.topics().result("defect");
        TestSubscriber results = closeLater(TestSubscriber.subscribe(brokerUrl(), topic));
        MqttLink link = link(s, () -> utf8("{}"));
        link.start();
        awaitConnected(link);

        // when the connection is cut five times, a message published after each cut
        for (int i = 0; i < 5; i++) {
            proxy.cutAll();
            link.publish(topic, utf8("after-cut-" + i), false);
            Await.until(() -> link.status().connected() && link.status().pending() == 0, WAIT, link::status);
        }

        // then every message arrived, in order, over the reconnected link (Paho's pool did not run dry)
        results.awaitDistinct(topic, 5, WAIT);
        assertEquals(IntStream.range(0, 5).mapToObj(i -> "after-cut-" + i).toList(),
                firstArrivals(results.payloads(topic)));
        assertEquals(5, link.status().acked());
    }

    @Test
    void commandSet_isHandledOnTheCommandThread_andItsStateRetained() throws Exception {
        // given a link with a command handler that applies what it gets
        MqttSettings s = settings(brokerUrl());
        Topics topics = s.topics();
        List<String> threads = new CopyOnWriteArrayList<>();
        MqttLink link = link(s, () -> utf8("{}"));
        link.handleCommands(c -> {
            threads.add(Thread.currentThread().getName());
            return CommandResult.applied(c.value());
        });
        link.start();
        awaitConnected(link);
        String state = topics.state("line1", "minScore");
        TestSubscriber client = closeLater(TestSubscriber.subscribe(brokerUrl(), state));

        // when a client sets minScore
        client.publish(topics.set("line1", "minScore"), "0.6", false);

        // then the handler ran on the command thread, and the applied value is retained on …/state
        client.awaitCount(state, 1, WAIT);
        String payload = client.payloads(state).get(0);
        assertEquals(List.of(), PayloadSchemas.validate(PayloadSchemas.COMMAND_STATE, utf8(payload)), payload);
        assertTrue(payload.contains("\"value\":0.6"), payload);
        assertEquals(List.of("loupe-mqtt-command-1"), threads);
        try (TestSubscriber later = TestSubscriber.subscribe(brokerUrl(), state)) {
            later.awaitCount(state, 1, WAIT);
            assertTrue(later.received().get(0).retained());
        }
    }

    /** The payloads in order of first arrival (a redelivered message may arrive twice). */
    static List<String> firstArrivals(List<String> payloads) {
        return payloads.stream().distinct().toList();
    }
}
