package io.loupe.mqtt;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or the time is up; on time-out the failure says what was seen. */
final class Await {

    private Await() {
    }

    static void until(BooleanSupplier condition, Duration timeout, Supplier<?> seen) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms; seen: " + seen.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
