package io.loupe.models;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Runs one anomaly model ({@code anomalib}) on images, for one thread; see {@link Predictor} for buffers and threads.
 * Make one with {@link Model#newAnomalyDetector()}.
 */
public interface AnomalyDetector extends Predictor {

    /**
     * Scores an image against what the model learnt as good.
     *
     * @param bgr an 8-bit image of any size: BGR, gray or BGRA; only read
     * @return the score, the verdict and the map summary; the map Mat in it is this detector's and is overwritten by
     *     the next call
     * @throws ModelException as {@link Predictor#predict}
     * @throws IllegalStateException when this detector was closed
     */
    AnomalyResult inspect(Mat bgr) throws ModelException;

    /** {@link #inspect} as a {@link Prediction}. */
    @Override
    default Prediction predict(Mat bgr) throws ModelException {
        return inspect(bgr);
    }
}
