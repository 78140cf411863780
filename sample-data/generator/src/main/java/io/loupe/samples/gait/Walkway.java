package io.loupe.samples.gait;

/**
 * The straight stretch of floor a walk uses: from {@code start} along {@code axis} for {@code length} metres. The walk
 * begins a little inside the start, walking along the axis; at either end it turns (or, with no time left for a
 * turn, stops).
 *
 * @param start  where the walkway begins, on the floor
 * @param axis   unit vector along the walkway, horizontal
 * @param length metres
 */
public record Walkway(Vec3 start, Vec3 axis, double length) {

    public Walkway {
        if (length <= 0) {
            throw new IllegalArgumentException("walkway length must be positive, got " + length);
        }
        axis = axis.flat().unit();
    }

    /** @return the heading of the axis, radians */
    public double heading() {
        return Math.atan2(axis.y(), axis.x());
    }

    /** @return how far along the walkway {@code p} is */
    public double along(Vec3 p) {
        return p.minus(start).dot(axis);
    }
}
