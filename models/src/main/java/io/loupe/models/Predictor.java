package io.loupe.models;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Runs one model on images, whatever its task, for one thread: it owns its pre-processing and output buffers and shares
 * the model's session. Not thread-safe; make one per worker thread with {@link Model#newPredictor()}. Steady state
 * allocates no buffers per image; only the returned result is new.
 */
public interface Predictor extends AutoCloseable {

    /**
     * Runs the model on an image.
     *
     * @param bgr an 8-bit image of any size: BGR (3 channels), or gray (1) or BGRA (4), which are converted; it is only
     *     read, and may be released once this returns
     * @return {@link Detections}, {@link Poses}, {@link Classification} or {@link AnomalyResult}, as the model's
     *     {@link Model#resultKind()}; coordinates in {@code bgr}'s pixels
     * @throws ModelException when the image is empty or not 8-bit with 1, 3 or 4 channels, when the model was closed,
     *     or when ONNX Runtime fails; the message names the model and the value at fault
     * @throws IllegalStateException when this predictor was closed
     */
    Prediction predict(Mat bgr) throws ModelException;

    /**
     * The phases of the last {@link #predict} (or {@code detect}, {@code estimate}, ...) call on this thread, for latency
     * attribution; {@link PhaseTimes#UNMEASURED} for a predictor that does not measure them. The same object each time.
     */
    default PhaseTimes phases() {
        return PhaseTimes.UNMEASURED;
    }

    /** Releases this predictor's native buffers; idempotent. The model stays open. */
    @Override
    void close();
}
