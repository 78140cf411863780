package io.loupe.models;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link BatchingRunner} groups frames from several callers (cameras) into one session run: it runs as soon as it
 * holds {@code maxBatch} frames, or when {@code maxWait} has passed since the first frame of the batch arrived,
 * whichever comes first.
 *
 * @param maxBatch frames per run, 1..{@value ModelSpec#MAX_BATCH}; at most the model's {@link Model#maxBatch()}
 * @param maxWait the longest a frame waits for others, 0..10 s; the latency added in the worst case
 */
public record BatchSpec(int maxBatch, Duration maxWait) {

    /** @throws IllegalArgumentException for values out of range */
    public BatchSpec {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxBatch < 1 || maxBatch > ModelSpec.MAX_BATCH) {
            throw new IllegalArgumentException("Batch size " + maxBatch + " is out of range; use 1.."
                    + ModelSpec.MAX_BATCH + ", e.g. the number of cameras sharing the model");
        }
        if (maxWait.isNegative() || maxWait.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("Batch wait " + maxWait + " is out of range; use 0 to 10 s, e.g."
                    + " PT0.01S (10 ms)");
        }
    }
}
