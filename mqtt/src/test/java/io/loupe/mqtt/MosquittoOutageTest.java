package io.loupe.mqtt;

import static io.loupe.mqtt.LinkContractTest.FAST;
import static io.loupe.mqtt.LinkContractTest.WAIT;
import static io.loupe.mqtt.LinkContractTest.firstArrivals;
import static io.loupe.mqtt.LinkContractTest.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loupe.mqtt.bench.LocalMosquitto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away and comes back (a real Mosquitto with persistence, stopped and started on the same port, so
 * that subscribers' sessions survive like on a plant's broker): nothing published is lost while the outbox bounds
 * hold, each pipeline arrives in order, what waited is marked replayed, and what the bounds drop is counted exactly.
 */
class MosquittoOutageTest {

    /** The outage the issue asks for. */
    static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private SqliteOutbox outbox(int maxMessages) throws MqttLinkException {
        return SqliteOutbox.open(SqliteOutboxSettings.defaults(dir.resolve("outbox.db"))
                .withBounds(maxMessages, SqliteOutboxSettings.DEFAULT_MAX_BYTES, SqliteOutboxSettings.DEFAULT_MAX_AGE));
    }

    private static List<String> seqs(int fromInclusive, int toExclusive) {
        return IntStream.range(fromInclusive, toExclusive).mapToObj(Integer::toString).toList();
    }

    private static JsonNode json(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + payload, e);
        }
    }

    /** One pipeline publishing a result every 20 ms, {"seq":n,"pipeline":…}, until told to stop. */
    private static final class Producer extends Thread {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicBoolean stop = new AtomicBoolean();
        private final MqttLink link;
        private final String pipeline;

        Producer(MqttLink link, String pipeline) {
            super("test-pipeline-" + pipeline);
            this.link = link;
            this.pipeline = pipeline;
        }

        @Override
        public void run() {
            for (int i = 0; !stop.get(); i++) {
                link.publish(link.topics().result(pipeline),
                        utf8("{\"seq\":" + i + ",\"pipeline\":\"" + pipeline + "\"}"), false);
                sent.set(i + 1);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Test
    void brokerDownForThirtySeconds_whileTwoPipelinesProduce_everySeqArrivesInOrder_theWaitingOnesMarkedReplayed()
            throws Exception {
        // given Mosquitto with persistence, a subscriber session it keeps, and a link on the durable outbox
        Requirements.mosquitto();
        MqttSettings s = MqttSettings.builder("outage", "node").url("tcp://127.0.0.1:1").build();
        List<String> pipelines = List.of("line-a", "line-b");
        try (LocalMosquitto broker = LocalMosquitto.builder(dir.resolve("broker")).persistence(true).start();
             SqliteOutbox outbox = outbox(SqliteOutboxSettings.DEFAULT_MAX_MESSAGES)) {
            s = s.withUrl(broker.url());
            try (TestSubscriber sub = TestSubscriber.subscribePersistent(broker.url(), "sub-outage",
                    s.topics().root() + "/+/result");
                 MqttLink link = new MqttLink(s, outbox, () -> utf8("{}"), FAST)) {
                link.start();
                Await.until(() -> link.status().connected(), WAIT, link::status);
                List<Producer> producers = pipelines.stream().map(p -> new Producer(link, p)).toList();
                producers.forEach(Thread::start);

                // when the broker stops for 30 s while both pipelines keep producing, then comes back
                Await.until(() -> producers.get(1).sent.get() >= 50, WAIT, () -> producers.get(1).sent);
                broker.stop();
                Await.until(() -> !link.status().connected(), WAIT, link::status);
                Map<String, Integer> sentAtStop = sent(pipelines, producers);
                Thread.sleep(OUTAGE.toMillis());
                Map<String, Integer> sentAtRestart = sent(pipelines, producers);
                assertFalse(link.status().connected());
                assertTrue(link.status().pending() >= 2L * 1_000, link.status()::toString);
                broker.start();
                Await.until(() -> link.status().connected(), WAIT, link::status);
                Thread.sleep(1_000);
                producers.forEach(p -> p.stop.set(true));
                for (Producer p : producers) {
                    p.join(10_000);
                }

                // then every seq of each pipeline arrives at least once, in order of first arrival; every one
                // published while the broker was away is marked replayed; the ones sent live are not
                for (int i = 0; i < pipelines.size(); i++) {
                    String pipeline = pipelines.get(i);
                    String topic = s.topics().result(pipeline);
                    int total = producers.get(i).sent.get();
                    sub.awaitDistinct(topic, total, Duration.ofSeconds(60));
                    Map<Integer, Boolean> firstArrival = new LinkedHashMap<>();
                    for (String payload : sub.payloads(topic)) {
                        JsonNode n = json(payload);
                        firstArrival.putIfAbsent(n.get("seq").asInt(), n.path("replayed").asBoolean(false));
                    }
                    assertEquals(IntStream.range(0, total).boxed().toList(), new ArrayList<>(firstArrival.keySet()),
                            pipeline + " out of order or with a gap");
                    for (int seq = sentAtStop.get(pipeline); seq < sentAtRestart.get(pipeline); seq++) {
                        assertTrue(firstArrival.get(seq), pipeline + " seq " + seq + " waited but is not marked");
                    }
                    for (int seq = 0; seq < 10; seq++) {
                        assertFalse(firstArrival.get(seq), pipeline + " seq " + seq + " went live but is marked");
                    }
                    assertTrue(sentAtRestart.get(pipeline) - sentAtStop.get(pipeline) >= 1_000,
                            "too few published during the outage: " + sentAtStop + " → " + sentAtRestart);
                }
                Await.until(() -> link.status().pending() == 0, WAIT, link::status);
                LinkStatus st = link.status();
                assertEquals(0, st.dropped());
                assertTrue(st.replayed() >= 2_000, st::toString);
                assertEquals(st.published(), st.acked());
            }
        }
    }

    private static Map<String, Integer> sent(List<String> pipelines, List<Producer> producers) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < pipelines.size(); i++) {
            m.put(pipelines.get(i), producers.get(i).sent.get());
        }
        return m;
    }

    @Test
    void start_brokerDown_returnsAtOnceAndQueues_thenDeliversInOrderWhenTheBrokerStarts() throws Exception {
        // given no broker on the port yet, and a subscriber session the broker will remember
        Requirements.mosquitto();
        int port = freePort();
        Path data = dir.resolve("broker");
        MqttSettings s = MqttSettings.builder("outage", "late-broker").url("tcp://127.0.0.1:" + port).build();
        String topic = s.topics().result("defect");
        try (LocalMosquitto broker = LocalMosquitto.builder(data).port(port).persistence(true).start();
             TestSubscriber sub = TestSubscriber.subscribePersistent(broker.url(), "sub-late", topic)) {
            sub.received();
        }

        try (SqliteOutbox outbox = outbox(1_000);
             MqttLink link = new MqttLink(s, outbox, () -> utf8("{}"), FAST)) {
            // when the link starts and 50 messages are published while the broker is down
            long t0 = System.nanoTime();
            link.start();
            for (int i = 0; i < 50; i++) {
                link.publish(topic, utf8(Integer.toString(i)), false);
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(millis < 2_000, "start and 50 publishes took " + millis + " ms with the broker down");
            Await.until(() -> link.status().lastError() != null, WAIT, link::status);
            LinkStatus down = link.status();
            assertFalse(down.connected());
            assertEquals(50, down.pending());
            assertTrue(down.lastError().contains("tcp://127.0.0.1:" + port), down.lastError());
            assertTrue(down.lastError().contains("is the broker running"), down.lastError());

            // and the broker starts later on that port
            try (LocalMosquitto broker = LocalMosquitto.builder(data).port(port).persistence(true).start()) {
                // then the link connects and the queued messages arrive in order
                Await.until(() -> link.status().acked() == 50, WAIT, link::status);
                try (TestSubscriber sub = TestSubscriber.subscribePersistent(broker.url(), "sub-late", topic)) {
                    sub.awaitDistinct(topic, 50, WAIT);
                    assertEquals(seqs(0, 50), firstArrivals(sub.payloads(topic)));
                }
                LinkStatus up = link.status();
                assertTrue(up.connected());
                assertEquals(0, up.pending());
                assertEquals(0, up.dropped());
            }
        }
    }

    @Test
    void brokerDown_pastTheOutboxBound_dropsTheOldestAndCountsExactlyThose() throws Exception {
        // given a link with a durable outbox of 100, its first 100 messages acknowledged
        Requirements.mosquitto();
        MqttSettings s = MqttSettings.builder("outage", "bounded").url("tcp://127.0.0.1:1").build();
        try (LocalMosquitto broker = LocalMosquitto.builder(dir.resolve("broker")).persistence(true).start();
             SqliteOutbox outbox = outbox(100)) {
            s = s.withUrl(broker.url());
            String topic = s.topics().stats("defect");
            try (TestSubscriber sub = TestSubscriber.subscribePersistent(broker.url(), "sub-bounded", topic);
                 MqttLink link = new MqttLink(s, outbox, () -> utf8("{}"), FAST)) {
                link.start();
                for (int i = 0; i < 100; i++) {
                    link.publish(topic, utf8(Integer.toString(i)), false);
                }
                Await.until(() -> link.status().acked() == 100, WAIT, link::status);

                // when the broker is down while 250 more are published, and then comes back
                broker.stop();
                Await.until(() -> !link.status().connected(), WAIT, link::status);
                for (int i = 100; i < 350; i++) {
                    link.publish(topic, utf8(Integer.toString(i)), false);
                }
                LinkStatus down = link.status();
                assertEquals(150, down.dropped());
                assertEquals(100, down.pending());
                assertEquals(150, link.outboxStats().droppedFull());
                broker.start();

                // then the newest 100 arrive after the first 100, and the 150 missing are exactly the dropped count
                Await.until(() -> link.status().acked() == 200, WAIT, link::status);
                sub.awaitDistinct(topic, 200, WAIT);
                List<String> expected = new ArrayList<>(seqs(0, 100));
                expected.addAll(seqs(250, 350));
                assertEquals(expected, firstArrivals(sub.payloads(topic)));
                Set<String> missing = new HashSet<>(seqs(0, 350));
                missing.removeAll(sub.payloads(topic));
                LinkStatus st = link.status();
                assertEquals(missing.size(), st.dropped());
                assertEquals(0, st.pending());
                assertEquals(350, st.published());
            }
        }
    }
}
