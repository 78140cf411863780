package io.loupe.models.bench;

import java.util.Arrays;

/** Durations in nanoseconds, collected into a preallocated array, with order statistics in milliseconds. */
final class Timings {

    private final long[] nanos;
    private int count;

    Timings(int capacity) {
        nanos = new long[capacity];
    }

    void add(long duration) {
        if (count < nanos.length) {
            nanos[count++] = duration;
        }
    }

    int count() {
        return count;
    }

    /** The {@code q} quantile (0.5 = median) in milliseconds. */
    double quantileMillis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int at = (int) Math.min(count - 1, Math.max(0, Math.round(q * (count - 1))));
        return sorted[at] / 1e6;
    }

    double medianMillis() {
        return quantileMillis(0.5);
    }
}
