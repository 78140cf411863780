package io.loupe.models;

/**
 * The result of one image through a {@link Predictor}: one of {@link Detections}, {@link Poses},
 * {@link Classification} or {@link AnomalyResult}, depending on the model's {@link ResultKind}.
 */
public sealed interface Prediction permits Detections, Poses, Classification, AnomalyResult {
}
