package io.loupe.samples.gait;

/**
 * A stretch of time, seconds from the start of the walk.
 *
 * @param start inclusive
 * @param end   exclusive
 */
public record Interval(double start, double end) {

    public boolean contains(double t) {
        return t >= start && t < end;
    }

    public double duration() {
        return end - start;
    }
}
