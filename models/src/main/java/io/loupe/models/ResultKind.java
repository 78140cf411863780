package io.loupe.models;

/** What a model's predictions are, decided by its decoder. */
public enum ResultKind {
    /** Boxes with classes ({@code yolov8}, {@code yolo11}, {@code yolov5}, {@code yolox}): {@link Detections}. */
    DETECTIONS,
    /** Boxes with keypoints ({@code yolo-pose}): {@link Poses}. */
    POSES,
    /** Class probabilities of the whole image ({@code classify}): {@link Classification}. */
    CLASSIFICATION,
    /** An anomaly score and map ({@code anomalib}): {@link AnomalyResult}. */
    ANOMALY
}
