package io.loupe.camera;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PacerTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aFrameASecondAheadIsNotDueWithinAShortTimeout() throws InterruptedException {
        Pacer pacer = new Pacer(10_000_000);
        assertTrue(pacer.awaitDue(0, Duration.ofMillis(50)), "the first frame anchors the clock and is due at once");
        assertFalse(pacer.awaitDue(1_000_000, Duration.ofMillis(50)));
    }

    @Test
    void anInterruptEndsTheWaitLikeTheTimeoutAndStaysSet() {
        Pacer pacer = new Pacer(10_000_000);
        assertTrue(pacer.dueWithin(0, Duration.ofMillis(50)));
        Thread.currentThread().interrupt();
        assertFalse(pacer.dueWithin(1_000_000, Duration.ofSeconds(5)), "an interrupted wait is not due");
        assertTrue(Thread.currentThread().isInterrupted(), "the reading loop must still see the interrupt");
    }
}
