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
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker goes away and comes back (embedded HiveMQ stopped and started again on the same port and data folder):
 * nothing the caller published is lost while the outbox bound holds, and what the bound drops is counted exactly.
 * Subscribers use persistent sessions, so that the broker keeps their messages across its own restart.
 */
class BrokerOutageTest {

    private static final String HOST = "127.0.0.1";

    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static MqttSettings settings(int port, String node, int maxPending) {
        return MqttSettings.builder("outage", node).url("tcp://" + HOST + ":" + port).maxPending(maxPending).build();
    }

    private static List<String> seqs(int fromInclusive, int toExclusive) {
        return IntStream.range(fromInclusive, toExclusive).mapToObj(Integer::toString).toList();
    }

    @Test
    void start_brokerDown_returnsAtOnceAndQueues_thenDeliversInOrderWhenTheBrokerStarts() throws Exception {
        // given no broker on the port yet, and a subscriber session the broker will remember
        int port = freePort();
        Path data = dir.resolve("broker");
        MqttSettings s = settings(port, "late-broker", 1_000);
        String topic = s.topics().result("defect");
        try (EmbeddedBroker first = EmbeddedBroker.start(HOST, port, data);
             TestSubscriber sub = TestSubscriber.subscribePersistent(first.url(), "sub-late", topic)) {
            // session created; both go away
        }

        try (MqttLink link = new MqttLink(s, new MemoryOutbox(s.maxPending()), () -> utf8("{}"), FAST)) {
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

            // and the broker starts later on that port
            try (EmbeddedBroker broker = EmbeddedBroker.start(HOST, port, data)) {
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
    void brokerRestart_midStream_everySeqArrivesInOrderOfFirstArrival() throws Exception {
        // given a link streaming results to a broker, and a subscriber with a persistent session
        int port = freePort();
        Path data = dir.resolve("broker");
        MqttSettings s = settings(port, "restart", 10_000);
        String topic = s.topics().result("pest");
        try (EmbeddedBroker first = EmbeddedBroker.start(HOST, port, data);
             TestSubscriber sub = TestSubscriber.subscribePersistent(first.url(), "sub-restart", topic);
             MqttLink link = new MqttLink(s, new MemoryOutbox(s.maxPending()), () -> utf8("{}"), FAST)) {
            link.start();
            Await.until(() -> link.status().connected(), WAIT, link::status);
            AtomicBoolean restarted = new AtomicBoolean();
            AtomicInteger sent = new AtomicInteger();
            Thread publisher = new Thread(() -> {
                // one message every ~2 ms until 500 more went out after the restart
                int stopAt = Integer.MAX_VALUE;
                for (int i = 0; i < stopAt; i++) {
                    link.publish(topic, utf8(Integer.toString(i)), false);
                    sent.set(i + 1);
                    if (stopAt == Integer.MAX_VALUE && restarted.get()) {
                        stopAt = i + 500;
                    }
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "test-publisher");
            publisher.start();

            // when the broker stops mid-stream and a new one starts on the same port and data folder
            Await.until(() -> sent.get() >= 400, WAIT, sent::get);
            int sentAtStop = sent.get();
            first.close();
            assertFalse(link.status().connected(), link.status()::toString);
            try (EmbeddedBroker second = EmbeddedBroker.start(HOST, port, data)) {
                int sentAtRestart = sent.get();
                restarted.set(true);
                publisher.join(60_000);
                int total = sent.get();

                // then every seq arrives at least once, in order of first arrival, and nothing was dropped
                sub.awaitDistinct(topic, total, Duration.ofSeconds(60));
                assertEquals(seqs(0, total), firstArrivals(sub.payloads(topic)));
                Await.until(() -> link.status().pending() == 0, WAIT, link::status);
                LinkStatus st = link.status();
                assertEquals(total, st.published());
                assertEquals(total, st.acked());
                assertEquals(0, st.dropped());
                assertTrue(st.connected());
                assertTrue(sentAtRestart > sentAtStop, "nothing was published while the broker was down: "
                        + sentAtStop + " at stop, " + sentAtRestart + " at restart");
                assertTrue(total > sentAtRestart);
            }
        }
    }

    @Test
    void brokerDown_pastTheOutboxBound_dropsTheOldestAndCountsExactlyThose() throws Exception {
        // given a link with an outbox of 100, all of its first 100 messages acknowledged
        int port = freePort();
        Path data = dir.resolve("broker");
        MqttSettings s = settings(port, "bounded", 100);
        String topic = s.topics().stats("defect");
        try (EmbeddedBroker first = EmbeddedBroker.start(HOST, port, data);
             TestSubscriber sub = TestSubscriber.subscribePersistent(first.url(), "sub-bounded", topic);
             MqttLink link = new MqttLink(s, new MemoryOutbox(s.maxPending()), () -> utf8("{}"), FAST)) {
            link.start();
            for (int i = 0; i < 100; i++) {
                link.publish(topic, utf8(Integer.toString(i)), false);
            }
            Await.until(() -> link.status().acked() == 100, WAIT, link::status);

            // when the broker is down while 250 more are published, and then comes back
            first.close();
            Await.until(() -> !link.status().connected(), WAIT, link::status);
            for (int i = 100; i < 350; i++) {
                link.publish(topic, utf8(Integer.toString(i)), false);
            }
            LinkStatus down = link.status();
            assertEquals(150, down.dropped());
            assertEquals(100, down.pending());

            try (EmbeddedBroker second = EmbeddedBroker.start(HOST, port, data)) {
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
