package io.loupe.pipelines.gait;

import java.util.Arrays;
import java.util.Locale;

/** Where the gait pipeline's keypoints come from ({@code settings.pose.kind}). */
public enum PoseKind {
    /** A YOLO-pose export (decoder {@code yolo-pose}) as the pipeline's model: every person with COCO-17 keypoints. */
    YOLO_POSE("yolo-pose"),
    /**
     * MediaPipe BlazePose, top-down: the pipeline's model is the BlazePose landmark model, {@code pose.detector} the
     * person detector (the BlazePose detector, or any person detector).
     */
    MEDIAPIPE("mediapipe");

    private final String key;

    PoseKind(String key) {
        this.key = key;
    }

    /** As written in the configuration. */
    public String key() {
        return key;
    }

    /**
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static PoseKind parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (PoseKind k : values()) {
            if (k.key.equals(v)) {
                return k;
            }
        }
        throw new IllegalArgumentException("pose.kind '" + value + "' is not known: use one of "
                + Arrays.stream(values()).map(PoseKind::key).toList());
    }
}
