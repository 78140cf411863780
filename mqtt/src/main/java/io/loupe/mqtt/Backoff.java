package io.loupe.mqtt;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential reconnect delays with jitter: initial, 2×, 4× … up to the maximum, each shortened by up to
 * {@code jitter} at random. Not thread-safe: one per link thread.
 */
final class Backoff {

    private final long initialNanos;
    private final long maxNanos;
    private final double jitter;
    private final DoubleSupplier random;
    private int attempt;

    /** @param random values in [0, 1) */
    Backoff(Duration initial, Duration max, double jitter, DoubleSupplier random) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = max.toNanos();
        this.jitter = jitter;
        this.random = random;
    }

    /** The delay before the next attempt; each call doubles the base until the maximum. */
    Duration next() {
        double base = Math.min((double) maxNanos, initialNanos * Math.pow(2, attempt));
        if (base < maxNanos) {
            attempt++;
        }
        return Duration.ofNanos((long) (base * (1 - jitter * random.getAsDouble())));
    }

    /** After a successful connect: the next delay is the initial one again. */
    void reset() {
        attempt = 0;
    }
}
