package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, made by SQLite's own limit ({@code PRAGMA max_page_count} on the outbox's writer connection: SQLite then
 * answers {@code SQLITE_FULL} exactly as on a full disk), with the broker away; then space comes back and the broker
 * starts.
 */
class SqliteOutboxDiskFullTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Larger than a page: every insert needs new pages, so every one fails while the file is capped. */
    private static final String PAD = "x".repeat(5_000);
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    @TempDir
    Path dir;

    @Test
    void diskFull_thenSpaceBack_appendsSucceedAgain_andOnlyWhatWasLostIsCountedDropped() throws Exception {
        // given a link whose broker is not running yet, over a SQLite outbox, and 20 results stored
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        MqttSettings s = MqttSettings.builder("site-diskfull", "node-" + System.nanoTime())
                .url("tcp://127.0.0.1:" + port).build();
        String topic = s.topics().result("line1");
        SqliteOutbox outbox = SqliteOutbox.open(SqliteOutboxSettings.defaults(dir.resolve("outbox.db")));
        MqttLink link = new MqttLink(s, outbox, () -> utf8("{}"), LinkContractTest.FAST);
        link.start();
        int seq = 0;
        for (int i = 0; i < 20; i++) {
            link.publish(topic, result(++seq), false);
        }
        assertEquals(20, outbox.size());

        // when the disk is full while the pipeline keeps publishing
        outbox.capPages(1);
        long slowest = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            long t = System.nanoTime();
            link.publish(topic, result(++seq), false);
            slowest = Math.max(slowest, System.nanoTime() - t);
            Thread.sleep(20);
        }
        long fullPhaseMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Await.until(() -> outbox.stats().droppedFailed() == 30, WAIT, outbox::stats);

        // when space comes back and 30 more results are published
        outbox.capPages(0);
        for (int i = 0; i < 30; i++) {
            link.publish(topic, result(++seq), false);
        }

        // then they are stored again without a restart: held in the file, not counted as dropped
        Await.until(() -> outbox.size() == 50, Duration.ofSeconds(10), outbox::stats);
        assertEquals(30, outbox.stats().droppedFailed(), outbox.stats().toString());

        // and while the disk was full the pipeline never waited on the failing writer's back-off
        assertTrue(TimeUnit.NANOSECONDS.toMillis(slowest) < 300, "slowest publish " + slowest / 1_000_000 + " ms");
        assertTrue(fullPhaseMs < 30 * 20 + 1_000, "30 publishes took " + fullPhaseMs + " ms");

        // when the broker starts
        try (EmbeddedBroker broker = EmbeddedBroker.start("127.0.0.1", port, dir.resolve("broker"));
             TestSubscriber results = TestSubscriber.subscribe(broker.url(), topic)) {
            // then everything stored is delivered, in order, and exactly what was lost is counted as dropped
            results.awaitDistinct(topic, 50, WAIT);
            List<Integer> expected = new ArrayList<>();
            for (int i = 1; i <= 80; i++) {
                if (i <= 20 || i > 50) {
                    expected.add(i);
                }
            }
            assertEquals(expected, firstArrivals(results.payloads(topic)));
            Await.until(() -> outbox.size() == 0, WAIT, outbox::stats);
            OutboxStats st = outbox.stats();
            assertEquals(80 - expected.size(), st.droppedFailed(), st.toString());
            assertEquals(st.droppedFailed(), st.dropped(), st.toString());

            // and closing does not hang
            long closeStart = System.nanoTime();
            link.close();
            outbox.close();
            long closeMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closeStart);
            assertTrue(closeMs < 5_000, "close took " + closeMs + " ms");
        }

        // and the counters were stored in the file: a restart sees the same, and nothing left over
        try (SqliteOutbox again = SqliteOutbox.open(SqliteOutboxSettings.defaults(dir.resolve("outbox.db")))) {
            assertEquals(new OutboxStats(0, 0, 30, 0, 0, 30), again.stats());
        }
    }

    @Test
    void diskFullForGood_closeDoesNotWaitOnTheFailingWriter() throws Exception {
        // given an outbox with acknowledged messages to delete, whose file then cannot grow, with appends failing
        SqliteOutbox outbox = SqliteOutbox.open(SqliteOutboxSettings.defaults(dir.resolve("outbox.db")));
        for (int i = 0; i < 10; i++) {
            outbox.append("t", result(i), false);
        }
        outbox.capPages(1);
        for (int i = 10; i < 30; i++) {
            outbox.append("t", result(i), false);
        }
        for (OutboxMessage m : outbox.peek(10)) {
            outbox.ack(m.id());
        }

        // when it is closed
        long started = System.nanoTime();
        outbox.close();

        // then it returns promptly, every message counted as dropped
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(ms < 5_000, "close took " + ms + " ms");
        assertEquals(20, outbox.stats().droppedFailed(), outbox.stats().toString());
    }

    private static byte[] result(int seq) {
        return utf8("{\"seq\":" + seq + ",\"pad\":\"" + PAD + "\"}");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The seq of each payload at its first arrival (redeliveries after a reconnect are dropped). */
    private static List<Integer> firstArrivals(List<String> payloads) {
        LinkedHashSet<Integer> seen = new LinkedHashSet<>();
        for (String p : payloads) {
            Matcher m = SEQ.matcher(p);
            assertTrue(m.find(), p);
            seen.add(Integer.parseInt(m.group(1)));
        }
        return new ArrayList<>(seen);
    }
}
