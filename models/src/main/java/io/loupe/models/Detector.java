package io.loupe.models;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Runs one detection (or pose) model on images, for one thread: it owns its pre-processing buffers and shares the
 * model's session. Not thread-safe; make one per worker thread with {@link Model#newDetector()}. Steady state allocates
 * no buffers per image; only the returned list and its detections are new.
 */
public interface Detector extends Predictor {

    /**
     * Detects objects in an image.
     *
     * @param bgr an 8-bit image of any size: BGR (3 channels), or gray (1) or BGRA (4), which are converted; it is only
     *     read, and may be released once this returns
     * @return the detections in {@code bgr}'s pixel coordinates, clipped to the image, sorted by score, best first;
     *     empty when nothing scores above the model's confidence threshold
     * @throws ModelException when the image is empty or not 8-bit with 1, 3 or 4 channels, when the model was closed,
     *     or when ONNX Runtime fails; the message names the model and the value at fault
     * @throws IllegalStateException when this detector was closed
     */
    List<Detection> detect(Mat bgr) throws ModelException;

    /** {@link #detect} as a {@link Prediction}. */
    @Override
    default Prediction predict(Mat bgr) throws ModelException {
        return new Detections(detect(bgr));
    }

    /** Releases this detector's native buffers; idempotent. The model stays open. */
    @Override
    void close();
}
