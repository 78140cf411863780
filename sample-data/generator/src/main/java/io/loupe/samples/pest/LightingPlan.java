package io.loupe.samples.pest;

/**
 * The light of one capture: daylight changes from capture to capture while the camera stays put.
 *
 * @param brightness      overall gain, about 1
 * @param gradientAngle   direction the light falls off towards, degrees
 * @param gradientDepth   light lost across the card along that direction, 0..1
 * @param warmth          colour temperature shift: positive is warmer (more red, less blue), about -0.1..0.1
 * @param glare           strength of the glue's glare streaks, 0..1
 */
public record LightingPlan(double brightness, double gradientAngle, double gradientDepth, double warmth,
                           double glare) {
}
