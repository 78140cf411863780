package io.loupe.pipelines.gait;

/**
 * {@code settings.pose}: where the keypoints come from.
 *
 * @param kind             {@code yolo-pose} (the pipeline's model is a YOLO-pose export) or {@code mediapipe} (the
 *                         pipeline's model is a BlazePose landmark model and {@code detector} its person detector)
 * @param detector         for {@code mediapipe}: the id (under {@code models:}) of the person detector — the BlazePose
 *                         detector (decoder {@code mediapipe-ssd}) or any person detector (yolov8, yolox, …); unused
 *                         for {@code yolo-pose}
 * @param minKeypointScore a keypoint scored below this is missing (a gap), not a position
 * @param minPersonScore   persons scored below this are ignored
 */
public record PoseSettings(String kind, String detector, double minKeypointScore, double minPersonScore) {

    public PoseSettings {
        kind = kind == null ? "yolo-pose" : kind;
        PoseKind parsed = PoseKind.parse(kind);
        if (parsed == PoseKind.MEDIAPIPE && (detector == null || detector.isBlank())) {
            throw new IllegalArgumentException("pose.detector is not set: pose.kind mediapipe needs the id of a person"
                    + " detector model (the BlazePose detector, pose_detection, or any person detector) under models:");
        }
        if (!(minKeypointScore >= 0 && minKeypointScore < 1)) {
            throw new IllegalArgumentException("pose.minKeypointScore must be in [0, 1), got " + minKeypointScore
                    + "; 0.3 is a usual value");
        }
        if (!(minPersonScore >= 0 && minPersonScore < 1)) {
            throw new IllegalArgumentException("pose.minPersonScore must be in [0, 1), got " + minPersonScore
                    + "; 0.4 is a usual value");
        }
    }

    /** YOLO-pose, keypoints from 0.3, persons from 0.4. */
    public static PoseSettings defaults() {
        return new PoseSettings("yolo-pose", null, 0.3, 0.4);
    }

    /** The parsed kind. */
    public PoseKind poseKind() {
        return PoseKind.parse(kind);
    }
}
