package io.loupe.pipelines.defect.anomaly;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * How anomalous one image is.
 *
 * @param score     the image score, higher is more anomalous, on the scorer's own scale
 * @param heatMap   a {@code CV_32FC1} map of the image's size on the same scale, or null when the scorer makes none. It
 *                  belongs to the scorer and is overwritten by its next call: read or copy it before then, never
 *                  release it
 * @param threshold the scorer's own threshold for this image (a normalised anomalib export's 0.5), or NaN when it has
 *                  none and the threshold must be taught or configured
 */
public record AnomalyScore(double score, Mat heatMap, double threshold) {
}
