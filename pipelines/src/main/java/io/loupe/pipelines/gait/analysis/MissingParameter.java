package io.loupe.pipelines.gait.analysis;

/**
 * A gait parameter that could not be measured in a bout, and why; such a parameter is null in
 * {@link GaitParameters}, never guessed.
 *
 * @param name   the parameter's snake_case name, e.g. {@code arm_swing_left_deg}
 * @param reason why, e.g. "the left shoulder and elbow were seen in 12 % of the straight-walking frames (need 70 %)"
 */
public record MissingParameter(String name, String reason) {
}
