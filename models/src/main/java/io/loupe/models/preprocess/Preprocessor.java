package io.loupe.models.preprocess;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.transform;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.FloatBuffer;
import java.util.Objects;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Turns 8-bit BGR images into a model's float input tensor, for a batch of {@code batch} images: each image goes into
 * its own slot of one blob {@code [batch, 3, H, W]} (NCHW) or {@code [batch, H, W, 3]} (NHWC), following a
 * {@link Preprocessing} (resize mode, channel order, scale, mean, std, pad gray).
 *
 * <p>All buffers are allocated once: the blob's native memory never moves, so {@link #blobBuffer()} and
 * {@link #batchBuffer(int)} can back ONNX Runtime input tensors for the preprocessor's whole life, without copying.
 * OpenCV does all per-pixel work: the image is resized straight into the canvas region left between the paddings (the
 * padding is painted only when the geometry changes); for NCHW the canvas is split into its colour planes and each
 * plane is converted ({@code pixel * scale / std - mean / std}) directly into its place in the blob, in the model's
 * channel order; for NHWC one {@code transform} does order, scale, mean and std. Not thread-safe: one per worker.
 */
public final class Preprocessor implements AutoCloseable {

    private static final String[] DEPTHS = {"8U", "8S", "16U", "16S", "32S", "32F", "64F", "16F"};

    private final Preprocessing how;
    private final TensorLayout layout;
    private final int width;
    private final int height;
    private final int batch;
    private final long slotFloats;
    private final Mat canvas;
    private final Mat converted = new Mat();
    private final Mat blob;
    private final FloatPointer blobPointer;
    private final FloatBuffer blobBuffer;
    private final LetterboxGeometry[] geometries;
    private final int[] sourcePlane = new int[3];
    private final double[] alpha = new double[3];
    private final double[] beta = new double[3];
    // NCHW: the canvas split into B, G, R planes, and per slot the three float planes of the blob.
    private final Mat[] bytePlanes;
    private final MatVector bytePlaneVector;
    private final Mat[][] floatPlanes;
    // NHWC: the canvas as floats, the 3x4 channel transform, and per slot the HxW float image of the blob.
    private final Mat floatCanvas;
    private final Mat channelTransform;
    private final Mat[] slotImages;
    private LetterboxGeometry painted;
    private Mat region;
    private Size regionSize;
    private Mat scratch;
    private Mat cropView;
    private boolean closed;

    /**
     * @param how resize mode, channel order and value mapping
     * @param layout NCHW or NHWC
     * @param width model input width in pixels
     * @param height model input height in pixels
     * @param batch number of image slots, at least 1
     * @throws IllegalArgumentException when a size is not in 1..16384 or the batch not in 1..256
     */
    public Preprocessor(Preprocessing how, TensorLayout layout, int width, int height, int batch) {
        this.how = Objects.requireNonNull(how, "how");
        this.layout = Objects.requireNonNull(layout, "layout");
        if (width <= 0 || height <= 0 || width > 16_384 || height > 16_384) {
            throw new IllegalArgumentException("Model input size " + width + "x" + height
                    + " is out of range; use 1..16384 pixels a side (e.g. 640x640)");
        }
        if (batch < 1 || batch > 256) {
            throw new IllegalArgumentException("Batch size " + batch + " is out of range; use 1..256");
        }
        this.width = width;
        this.height = height;
        this.batch = batch;
        this.slotFloats = 3L * width * height;
        this.geometries = new LetterboxGeometry[batch];
        for (int c = 0; c < 3; c++) {
            // Canvas planes are B (0), G (1), R (2).
            sourcePlane[c] = how.color() == ColorOrder.RGB ? 2 - c : c;
            alpha[c] = how.alpha(c);
            beta[c] = how.beta(c);
        }
        this.canvas = new Mat(height, width, CV_8UC3);
        int[] dims = layout == TensorLayout.NCHW ? new int[] {batch, 3, height, width}
                : new int[] {batch, height, width, 3};
        this.blob = new Mat(4, dims, CV_32F);
        long floats = slotFloats * batch;
        this.blobPointer = new FloatPointer(blob.data());
        this.blobPointer.capacity(floats).limit(floats);
        this.blobBuffer = blobPointer.asBuffer();
        if (layout == TensorLayout.NCHW) {
            bytePlanes = new Mat[3];
            for (int c = 0; c < 3; c++) {
                bytePlanes[c] = new Mat(height, width, CV_8UC1);
            }
            bytePlaneVector = new MatVector(bytePlanes);
            floatPlanes = new Mat[batch][3];
            for (int s = 0; s < batch; s++) {
                for (int c = 0; c < 3; c++) {
                    floatPlanes[s][c] = new Mat(height, width, CV_32F, blob.ptr(s, c));
                }
            }
            floatCanvas = null;
            channelTransform = null;
            slotImages = null;
        } else {
            bytePlanes = null;
            bytePlaneVector = null;
            floatPlanes = null;
            floatCanvas = new Mat(height, width, CV_32FC3);
            channelTransform = new Mat(3, 4, CV_64F, new Scalar(0.0));
            DoublePointer m = new DoublePointer(channelTransform.data());
            for (int c = 0; c < 3; c++) {
                m.put(c * 4L + sourcePlane[c], alpha[c]);
                m.put(c * 4L + 3, beta[c]);
            }
            slotImages = new Mat[batch];
            for (int s = 0; s < batch; s++) {
                slotImages[s] = new Mat(height, width, CV_32FC3, blob.ptr(s));
            }
        }
    }

    /**
     * Writes {@code image} into slot 0.
     *
     * @see #apply(int, Mat)
     */
    public LetterboxGeometry apply(Mat image) {
        return apply(0, image);
    }

    /**
     * Writes {@code image} into slot {@code slot} of the blob.
     *
     * @param slot 0 .. batch - 1
     * @param image 8-bit, 3 channels (BGR), 1 (gray) or 4 (BGRA), any size (a region of a larger image is fine); only
     *     read
     * @return the geometry used, to map points back; the same instance while the slot's image size does not change
     * @throws IllegalArgumentException when the image is null, empty, not 8-bit, or has another channel count
     * @throws IndexOutOfBoundsException when the slot is out of range
     * @throws IllegalStateException when this preprocessor was closed
     */
    public LetterboxGeometry apply(int slot, Mat image) {
        if (closed) {
            throw new IllegalStateException("Preprocessor " + width + "x" + height + " is closed");
        }
        if (slot < 0 || slot >= batch) {
            throw new IndexOutOfBoundsException("slot " + slot + " of a batch of " + batch);
        }
        Mat bgr = toBgr(image);
        LetterboxGeometry g = geometries[slot];
        if (g == null || !g.fits(bgr.cols(), bgr.rows())) {
            g = LetterboxGeometry.of(how.resize(), bgr.cols(), bgr.rows(), width, height);
            geometries[slot] = g;
        }
        if (!g.equals(painted)) {
            prepareCanvas(g);
        }
        if (cropView != null) {
            resize(bgr, scratch, regionSize, 0, 0, INTER_LINEAR);
            cropView.copyTo(canvas);
        } else {
            resize(bgr, region, regionSize, 0, 0, INTER_LINEAR);
        }
        if (layout == TensorLayout.NCHW) {
            split(canvas, bytePlaneVector);
            for (int c = 0; c < 3; c++) {
                bytePlanes[sourcePlane[c]].convertTo(floatPlanes[slot][c], CV_32F, alpha[c], beta[c]);
            }
        } else {
            canvas.convertTo(floatCanvas, CV_32F);
            transform(floatCanvas, slotImages[slot], channelTransform);
        }
        return g;
    }

    /** The whole blob, all slots: a direct, native-order view of the blob's memory. */
    public FloatBuffer blobBuffer() {
        return blobBuffer;
    }

    /**
     * A direct view of the first {@code n} slots, for an input tensor of batch {@code n}; it shares the blob's memory.
     *
     * @throws IllegalArgumentException when {@code n} is not in 1..batch
     */
    public FloatBuffer batchBuffer(int n) {
        if (n < 1 || n > batch) {
            throw new IllegalArgumentException("batch " + n + " is not in 1.." + batch);
        }
        return blobBuffer.slice(0, Math.toIntExact(slotFloats * n));
    }

    /** The blob as a 4-D {@code CV_32F} Mat; owned by this preprocessor. */
    public Mat blob() {
        return blob;
    }

    /** The tensor shape of the first {@code n} slots, e.g. {@code [n, 3, height, width]}. */
    public long[] shape(int n) {
        return layout.shape(n, width, height);
    }

    /** The tensor shape of one slot, {@code [1, 3, height, width]} or {@code [1, height, width, 3]}. */
    public long[] shape() {
        return shape(1);
    }

    /** Floats per slot: {@code 3 * width * height}. */
    public long slotFloats() {
        return slotFloats;
    }

    public Preprocessing preprocessing() {
        return how;
    }

    public TensorLayout layout() {
        return layout;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int batch() {
        return batch;
    }

    /** Releases the native buffers; idempotent. The blob buffers must not be used afterwards. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseRegion();
        if (floatPlanes != null) {
            for (Mat[] planes : floatPlanes) {
                for (Mat plane : planes) {
                    plane.close();
                }
            }
            bytePlaneVector.close();
            for (Mat plane : bytePlanes) {
                plane.close();
            }
        } else {
            for (Mat image : slotImages) {
                image.close();
            }
            channelTransform.close();
            floatCanvas.close();
        }
        blobPointer.close();
        blob.close();
        converted.close();
        canvas.close();
    }

    private Mat toBgr(Mat image) {
        if (image == null || image.isNull() || image.empty()) {
            throw new IllegalArgumentException("The image is empty; give an 8-bit BGR image (CV_8UC3)");
        }
        int depth = image.depth();
        int channels = image.channels();
        if (depth != CV_8U || (channels != 1 && channels != 3 && channels != 4)) {
            throw new IllegalArgumentException("The image is " + image.cols() + "x" + image.rows() + " CV_"
                    + (depth < DEPTHS.length ? DEPTHS[depth] : "depth" + depth) + "C" + channels
                    + "; give an 8-bit image with 3 channels (BGR), 1 (gray) or 4 (BGRA): convert it with"
                    + " convertTo(CV_8U) first");
        }
        if (channels == 3) {
            return image;
        }
        cvtColor(image, converted, channels == 1 ? COLOR_GRAY2BGR : COLOR_BGRA2BGR);
        return converted;
    }

    /** Paints the padding of {@code g} and points the resize target at the image's place on the canvas. */
    private void prepareCanvas(LetterboxGeometry g) {
        releaseRegion();
        regionSize = new Size(g.resizedWidth(), g.resizedHeight());
        if (g.crops()) {
            scratch = new Mat(g.resizedHeight(), g.resizedWidth(), CV_8UC3);
            try (Rect rect = new Rect(-g.padLeft(), -g.padTop(), width, height)) {
                cropView = scratch.apply(rect);
            }
        } else {
            if (g.resizedWidth() != width || g.resizedHeight() != height) {
                int pad = how.padValue();
                try (Scalar gray = new Scalar(pad, pad, pad, 0)) {
                    canvas.put(gray);
                }
            }
            try (Rect rect = new Rect(g.padLeft(), g.padTop(), g.resizedWidth(), g.resizedHeight())) {
                region = canvas.apply(rect);
            }
        }
        painted = g;
    }

    private void releaseRegion() {
        if (region != null) {
            region.close();
            region = null;
        }
        if (cropView != null) {
            cropView.close();
            cropView = null;
        }
        if (scratch != null) {
            scratch.close();
            scratch = null;
        }
        if (regionSize != null) {
            regionSize.close();
            regionSize = null;
        }
        painted = null;
    }
}
