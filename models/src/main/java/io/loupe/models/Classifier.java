package io.loupe.models;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Runs one classification model ({@code classify}) on images, for one thread; see {@link Predictor} for buffers and
 * threads. Make one with {@link Model#newClassifier()}.
 */
public interface Classifier extends Predictor {

    /**
     * Classifies a whole image.
     *
     * @param bgr an 8-bit image of any size: BGR, gray or BGRA; only read
     * @return the most probable classes
     * @throws ModelException as {@link Predictor#predict}
     * @throws IllegalStateException when this classifier was closed
     */
    Classification classify(Mat bgr) throws ModelException;

    /** {@link #classify} as a {@link Prediction}. */
    @Override
    default Prediction predict(Mat bgr) throws ModelException {
        return classify(bgr);
    }
}
