package io.loupe.samples.gait;

/**
 * The body at one moment: every {@link BodyPoint} in the room, the facing direction and the arm angles.
 *
 * @param time          seconds from the start of the walk
 * @param state         what the walker is doing
 * @param points        positions indexed by {@link BodyPoint#ordinal()}
 * @param heading       direction the body faces, radians
 * @param shoulderLeft  left upper arm's sagittal angle, degrees, positive forward
 * @param shoulderRight right upper arm's sagittal angle, degrees, positive forward
 */
public record Pose(double time, GaitState state, Vec3[] points, double heading, double shoulderLeft,
                   double shoulderRight) {

    public Vec3 at(BodyPoint point) {
        return points[point.ordinal()];
    }

    /** @return the unit vector the body faces */
    public Vec3 forward() {
        return Vec3.heading(heading);
    }

    /** @return the unit vector to the body's left */
    public Vec3 left() {
        Vec3 f = forward();
        return new Vec3(-f.y(), f.x(), 0);
    }
}
