package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Which message a broker keeps cutting the connection on, and which losses are an outage instead. */
class RepeatedCutsTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final RepeatedCuts cuts = new RepeatedCuts(3, 5 * SECOND);
    private long now = 1_000 * SECOND;

    /** A connection on which {@code id} is sent and the broker cuts at once. */
    private RepeatedCuts.Suspect cutAfter(long id) {
        cuts.connected();
        cuts.sent(id, "t/result", 5_000, now);
        now += SECOND / 100;
        return cuts.lost(now);
    }

    @Test
    void sameLoneMessageCutThreeTimesInARow_isTheSuspect() {
        assertNull(cutAfter(7));
        assertNull(cutAfter(7));
        RepeatedCuts.Suspect s = cutAfter(7);
        assertNotNull(s);
        assertEquals(7, s.id());
        assertEquals("t/result", s.topic());
        assertEquals(5_000, s.bytes());
        assertEquals(3, s.cuts());
    }

    @Test
    void ackWhileSuspectInFlight_restartsTheCount() {
        assertNull(cutAfter(7));
        assertNull(cutAfter(7));
        // an acknowledgement comes after 7 was sent: the row of cuts is broken, this loss starts a new one
        cuts.connected();
        cuts.sent(7, "t/result", 10, now);
        cuts.acked(3);
        assertNull(cuts.lost(now));
        assertNull(cutAfter(7));
        assertNotNull(cutAfter(7));
    }

    @Test
    void suspectAcknowledged_restartsTheCount() {
        assertNull(cutAfter(7));
        assertNull(cutAfter(7));
        cuts.connected();
        cuts.sent(7, "t/result", 10, now);
        cuts.acked(7);
        cuts.sent(8, "t/result", 10, now);
        assertNull(cuts.lost(now));
        assertNull(cutAfter(8));
        assertNull(cutAfter(7));
    }

    @Test
    void outageLongAfterSending_isNotCounted() {
        for (int i = 0; i < 5; i++) {
            // a broker that goes away while the message waits for its ack (keep-alive notices it later)
            cuts.connected();
            cuts.sent(7, "t/result", 10, now);
            now += 45 * SECOND;
            assertNull(cuts.lost(now));
        }
    }

    @Test
    void outageWithNothingInFlight_breaksTheRow() {
        assertNull(cutAfter(7));
        assertNull(cutAfter(7));
        cuts.connected();
        assertNull(cuts.lost(now));
        assertNull(cutAfter(7));
        assertNull(cutAfter(7));
        assertNotNull(cutAfter(7));
    }

    @Test
    void lossWithSeveralInFlight_isAmbiguous_makesTheNextConnectionsCarefulUntilTheyAreAcknowledged() {
        cuts.connected();
        cuts.sent(1, "a", 10, now);
        cuts.sent(2, "b", 10, now);
        cuts.sent(3, "a", 10, now);
        assertFalse(cuts.careful());
        assertNull(cuts.lost(now));
        assertTrue(cuts.careful());
        cuts.connected();
        cuts.sent(1, "a", 10, now);
        cuts.acked(1);
        cuts.sent(2, "b", 10, now);
        cuts.acked(2);
        assertTrue(cuts.careful());
        cuts.sent(3, "a", 10, now);
        cuts.acked(3);
        assertFalse(cuts.careful());
    }

    @Test
    void carefulEndsAfterManyAcks_whenAMessageOfTheLossWasDroppedMeanwhile() {
        cuts.connected();
        cuts.sent(1, "a", 10, now);
        cuts.sent(2, "a", 10, now);
        cuts.lost(now);
        cuts.connected();
        for (long id = 100; id < 1_100; id++) {
            cuts.sent(id, "b", 10, now);
            cuts.acked(id);
        }
        assertFalse(cuts.careful());
    }
}
