package io.loupe.models.preprocess;

import java.nio.FloatBuffer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Fits an 8-bit BGR image into a model input the way Ultralytics does (aspect kept, centred, gray 114 padding) and
 * writes it as an RGB float blob {@code [1, 3, height, width]} scaled to 0..1: a {@link Preprocessor} of one slot with
 * {@link Preprocessing#ULTRALYTICS}.
 *
 * <p>All buffers are allocated once: the blob's native memory never moves, so {@link #blobBuffer()} can back an ONNX
 * Runtime input tensor for the letterbox's whole life, without copying. Not thread-safe: one per worker.
 */
public final class Letterbox implements AutoCloseable {

    /** The gray of the padding, as Ultralytics uses. */
    public static final int PAD_VALUE = 114;

    private final Preprocessor preprocessor;

    /**
     * @param width model input width in pixels
     * @param height model input height in pixels
     * @throws IllegalArgumentException when a size is not in 1..16384
     */
    public Letterbox(int width, int height) {
        if (width <= 0 || height <= 0 || width > 16_384 || height > 16_384) {
            throw new IllegalArgumentException("Letterbox input size " + width + "x" + height
                    + " is out of range; use 1..16384 pixels a side (e.g. 640x640)");
        }
        this.preprocessor = new Preprocessor(Preprocessing.ULTRALYTICS, TensorLayout.NCHW, width, height, 1);
    }

    /**
     * Letterboxes {@code image} into the blob.
     *
     * @param image 8-bit, 3 channels (BGR), 1 (gray) or 4 (BGRA), any size; only read
     * @return the geometry used, to map boxes back; the same instance while the image size does not change
     * @throws IllegalArgumentException when the image is null, empty, not 8-bit, or has another channel count
     * @throws IllegalStateException when this letterbox was closed
     */
    public LetterboxGeometry apply(Mat image) {
        try {
            return preprocessor.apply(0, image);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Letterbox " + width() + "x" + height() + " is closed", e);
        }
    }

    /** The blob {@code [1, 3, height, width]}, RGB, 0..1: a direct, native-order view of the blob's memory. */
    public FloatBuffer blobBuffer() {
        return preprocessor.blobBuffer();
    }

    /** The blob as a 4-D {@code CV_32F} Mat; owned by this letterbox. */
    public Mat blob() {
        return preprocessor.blob();
    }

    /** The blob's tensor shape, {@code [1, 3, height, width]}. */
    public long[] shape() {
        return preprocessor.shape();
    }

    public int width() {
        return preprocessor.width();
    }

    public int height() {
        return preprocessor.height();
    }

    /** Releases the native buffers; idempotent. The blob buffer must not be used afterwards. */
    @Override
    public void close() {
        preprocessor.close();
    }
}
