package io.loupe.pipelines;

import java.util.Arrays;

/**
 * The last {@code capacity} latencies in a ring, for percentiles. Recording allocates nothing; a percentile query copies
 * the window (status requests only, never per frame). Thread-safe.
 */
public final class LatencyWindow {
    private final double[] ring;
    private int next;
    private int size;
    private long count;

    public LatencyWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        ring = new double[capacity];
    }

    public synchronized void record(double value) {
        ring[next] = value;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
        count++;
    }

    /** How many values were ever recorded. */
    public synchronized long count() {
        return count;
    }

    /** Nearest-rank percentile over the window, {@code p} in (0, 100]; NaN when empty. */
    public double percentile(double p) {
        double[] copy;
        synchronized (this) {
            copy = Arrays.copyOf(ring, size);
        }
        if (copy.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(copy);
        int rank = (int) Math.ceil(p / 100.0 * copy.length);
        return copy[Math.max(0, Math.min(copy.length - 1, rank - 1))];
    }
}
