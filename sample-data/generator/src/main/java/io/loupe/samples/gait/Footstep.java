package io.loupe.samples.gait;

/**
 * A foot landing: at {@code time} the heel of {@code side} strikes the floor at {@code heel}, the foot pointing along
 * {@code heading}; it stays there until its next toe-off.
 *
 * @param side    which foot
 * @param time    heel-strike time, seconds from the start of the walk (negative before the video starts)
 * @param heel    where the heel lands, on the floor
 * @param heading direction the foot points, radians from +x towards +y
 * @param turning whether the step is part of a 180° turn
 */
public record Footstep(Side side, double time, Vec3 heel, double heading, boolean turning) {
}
