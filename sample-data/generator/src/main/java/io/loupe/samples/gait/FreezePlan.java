package io.loupe.samples.gait;

/**
 * A planned freezing episode: from the first heel strike at or before {@code start} the feet stay where they are,
 * trembling, until {@code start + duration}.
 *
 * @param start    seconds from the start of the walk
 * @param duration seconds
 */
public record FreezePlan(double start, double duration) {

    public FreezePlan {
        if (start < 0 || duration <= 0) {
            throw new IllegalArgumentException("a freeze needs start >= 0 and duration > 0, got " + start + ", "
                    + duration);
        }
    }

    public double end() {
        return start + duration;
    }
}
