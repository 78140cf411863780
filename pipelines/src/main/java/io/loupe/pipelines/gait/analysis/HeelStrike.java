package io.loupe.pipelines.gait.analysis;

/**
 * One initial contact found in the keypoints.
 *
 * @param time seconds on the series' clock
 * @param foot which foot
 */
public record HeelStrike(double time, Foot foot) {
}
