package io.loupe.mqtt;

import static io.loupe.mqtt.SqliteOutboxTest.b;
import static io.loupe.mqtt.SqliteOutboxTest.payloads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable outbox's bounds: messages, bytes and age; oldest first, every drop counted, counts kept on disk. */
class SqliteOutboxBoundsTest {

    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-27T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private SqliteOutboxSettings settings(int maxMessages, long maxBytes, Duration maxAge) {
        return SqliteOutboxSettings.defaults(dir.resolve("outbox.db")).withBounds(maxMessages, maxBytes, maxAge);
    }

    private static List<String> drain(Outbox o) {
        List<String> out = new ArrayList<>();
        for (List<OutboxMessage> w = o.peek(64); !w.isEmpty(); w = o.peek(64)) {
            out.addAll(payloads(w));
        }
        return out;
    }

    @Test
    void append_pastTheMessageBound_dropsTheOldest_andCountsThem() throws Exception {
        try (SqliteOutbox o = SqliteOutbox.open(settings(5, 1L << 20, Duration.ofDays(1)))) {
            for (int i = 0; i < 12; i++) {
                o.append("t", b("m" + i), false);
            }
            assertEquals(5, o.size());
            assertEquals(7, o.dropped());
            assertEquals(7, o.stats().droppedFull());
            assertEquals(List.of("m7", "m8", "m9", "m10", "m11"), drain(o));
        }
    }

    @Test
    void append_pastTheByteBound_dropsTheOldestUntilTheNewOneFits() throws Exception {
        // given a 2 KiB bound and 100-byte messages (99 payload + 1 topic byte)
        try (SqliteOutbox o = SqliteOutbox.open(settings(1_000, 2_048, Duration.ofDays(1)))) {
            for (int i = 0; i < 30; i++) {
                o.append("t", b(String.format("%-99s", "m" + i)), false);
            }
            // then 20 fit, the 10 oldest were dropped and counted
            assertEquals(20, o.size());
            assertEquals(2_000, o.stats().bytes());
            assertEquals(10, o.stats().droppedFull());
            assertEquals("m10", drain(o).get(0).strip());
        }
    }

    @Test
    void append_whenFull_dropsPendingBeforeInFlight() throws Exception {
        try (SqliteOutbox o = SqliteOutbox.open(settings(3, 1L << 20, Duration.ofDays(1)))) {
            for (String s : List.of("a", "b", "c")) {
                o.append("t", b(s), false);
            }
            o.peek(1); // "a" is in flight: the broker may have it, so "b" goes first
            o.append("t", b("d"), false);
            o.append("t", b("e"), false);
            assertEquals(2, o.dropped());
            o.releaseAll();
            assertEquals(List.of("a", "d", "e"), drain(o));
        }
    }

    @Test
    void append_whenFullAndAllInFlight_dropsTheOldestInFlight_whoseAckIsThenUnknown() throws Exception {
        try (SqliteOutbox o = SqliteOutbox.open(settings(2, 1L << 20, Duration.ofDays(1)))) {
            long a = o.append("t", b("a"), false);
            o.append("t", b("b"), false);
            o.peek(2);
            o.append("t", b("c"), false);
            assertEquals(1, o.dropped());
            assertFalse(o.ack(a));
            o.releaseAll();
            assertEquals(List.of("b", "c"), drain(o));
        }
    }

    @Test
    void messagesOlderThanMaxAge_areDroppedAsExpired_inFlightOnesKept() throws Exception {
        // given messages appended at t0 and one in flight
        TestClock clock = new TestClock();
        SqliteOutboxSettings s = settings(1_000, 1L << 20, Duration.ofHours(1)).withClock(clock);
        try (SqliteOutbox o = SqliteOutbox.open(s)) {
            for (int i = 0; i < 4; i++) {
                o.append("old", b("o" + i), false);
            }
            List<OutboxMessage> inFlight = o.peek(1);

            // when two hours pass and a new message comes
            clock.advance(Duration.ofHours(2));
            o.append("new", b("n0"), false);

            // then the three old pending ones were dropped as expired; the in-flight one and the new one stay
            OutboxStats st = o.stats();
            assertEquals(3, st.droppedExpired());
            assertEquals(0, st.droppedFull());
            assertEquals(2, st.pending());
            assertTrue(o.ack(inFlight.get(0).id()));
            assertEquals(List.of("n0"), drain(o));
        }
    }

    @Test
    void dropCounts_surviveARestart() throws Exception {
        try (SqliteOutbox o = SqliteOutbox.open(settings(2, 1L << 20, Duration.ofDays(1)))) {
            for (int i = 0; i < 5; i++) {
                o.append("t", b("m" + i), false);
            }
            assertEquals(3, o.dropped());
        }
        try (SqliteOutbox o = SqliteOutbox.open(settings(2, 1L << 20, Duration.ofDays(1)))) {
            assertEquals(3, o.dropped());
            assertEquals(3, o.stats().droppedFull());
            assertEquals(List.of("m3", "m4"), drain(o));
        }
    }

    @Test
    void reopen_withSmallerBounds_dropsTheExcessAtTheNextCommit() throws Exception {
        try (SqliteOutbox o = SqliteOutbox.open(settings(100, 1L << 20, Duration.ofDays(1)))) {
            for (int i = 0; i < 10; i++) {
                o.append("t", b("m" + i), false);
            }
        }
        try (SqliteOutbox o = SqliteOutbox.open(settings(4, 1L << 20, Duration.ofDays(1)))) {
            o.append("t", b("m10"), false);
            assertEquals(4, o.size());
            assertEquals(7, o.dropped());
            assertEquals(List.of("m7", "m8", "m9", "m10"), drain(o));
        }
    }

    @Test
    void settings_invalidBounds_areRejectedNamingTheKey() {
        SqliteOutboxSettings d = SqliteOutboxSettings.defaults(dir.resolve("x.db"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> d.withBounds(0, 1L << 20, Duration.ofDays(1)));
        assertTrue(e.getMessage().startsWith("mqtt.outbox.maxMessages 0 must be at least 1"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> d.withBounds(10, 10, Duration.ofDays(1)));
        assertTrue(e.getMessage().startsWith("mqtt.outbox.maxBytes 10 is too small"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> d.withBounds(10, 1L << 20, Duration.ZERO));
        assertTrue(e.getMessage().startsWith("mqtt.outbox.maxAge PT0S must be a positive duration"), e.getMessage());
    }
}
