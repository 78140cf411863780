package io.loupe.camera;

import java.time.Duration;
import java.util.SplittableRandom;

/** Exponential back-off with ±20 % jitter, so that cameras failing together do not retry in lockstep. */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final SplittableRandom random;
    private long nextMillis;

    Backoff(Duration initial, Duration max, SplittableRandom random) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
        this.nextMillis = initialMillis;
    }

    /** The wait before the next attempt; doubles the one after, up to the maximum. */
    long nextDelayMillis() {
        long base = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        double jitter = 0.8 + 0.4 * random.nextDouble();
        return Math.max(1, Math.min(maxMillis, Math.round(base * jitter)));
    }

    /** Back to the initial wait (after a frame arrived). */
    void reset() {
        nextMillis = initialMillis;
    }
}
