package io.loupe.models;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The anomaly score of one image, and a summary of its anomaly map.
 *
 * @param score the image score: normalised to 0..1 when the thresholds allow (in the graph, or min and max in the
 *     manifest), raw otherwise
 * @param threshold scores at or above this are anomalous (0.5 when normalised)
 * @param anomalous {@code score >= threshold}
 * @param mapMax the largest value of the anomaly map over the image, on the same scale as {@code score}; NaN when the
 *     model gives no map
 * @param mapMean the mean of the anomaly map over the image; NaN when the model gives no map
 * @param map the anomaly map mapped back onto the image: a {@code CV_32FC1} Mat of the image's size, or null when the
 *     model gives no map. It belongs to the {@link AnomalyDetector} and is overwritten by its next call: read it, or
 *     {@code clone()} it, before then; do not release it
 */
public record AnomalyResult(float score, float threshold, boolean anomalous, float mapMax, float mapMean, Mat map)
        implements Prediction {
}
