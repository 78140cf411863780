package io.loupe.appliance.evaluate;

import java.util.List;

/**
 * How well the pose the gait pipeline used per frame (its walker's skeleton) matches the true keypoints.
 *
 * @param frames            frames played
 * @param framesWithPerson  frames whose truth has at least one labelled keypoint
 * @param framesWithoutPose of those, frames where the pipeline had no walker (no person found or kept)
 * @param framesMirrored    frames where the walker's skeleton matches the truth better with left and right swapped
 *                          (a back view taken for a front view): PCK counts their side joints as wrong
 * @param overall           PCK over every labelled keypoint of every frame
 * @param views             PCK per view ({@code side}, {@code frontal})
 * @param keypoints         PCK per COCO-17 joint, in COCO order
 */
public record PoseAccuracy(int frames, int framesWithPerson, int framesWithoutPose, int framesMirrored,
                           PckScore overall,
                           List<PckScore> views, List<PckScore> keypoints) {

    public PoseAccuracy {
        views = List.copyOf(views);
        keypoints = List.copyOf(keypoints);
    }
}
