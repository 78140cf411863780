package io.loupe.models;

import java.util.List;

/**
 * One object (usually a person) with its keypoints, in the order of the model's keypoint layout (COCO-17 for
 * Ultralytics pose models: nose, left eye, right eye, left ear, right ear, left shoulder, right shoulder, left elbow,
 * right elbow, left wrist, right wrist, left hip, right hip, left knee, right knee, left ankle, right ankle).
 *
 * @param box the object's box, class and score
 * @param keypoints unmodifiable
 */
public record Pose(Detection box, List<Keypoint> keypoints) {

    public Pose {
        keypoints = List.copyOf(keypoints);
    }
}
