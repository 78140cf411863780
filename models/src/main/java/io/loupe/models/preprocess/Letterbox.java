package io.loupe.models.preprocess;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Fits an 8-bit BGR image into a model input the way Ultralytics does (aspect kept, centred, gray 114 padding) and
 * writes it as an RGB float blob {@code [1, 3, height, width]} scaled to 0..1.
 *
 * <p>All buffers are allocated once: the blob's native memory never moves, so {@link #blobBuffer()} can back an ONNX
 * Runtime input tensor for the letterbox's whole life, without copying. OpenCV does the per-pixel work: the image is
 * resized straight into the canvas region left between the paddings (the padding is painted only when the image size
 * changes), split into its colour planes, and each plane converted to float directly into its place in the blob, in
 * RGB order. Not thread-safe: one per worker.
 */
public final class Letterbox implements AutoCloseable {

    /** The gray of the padding, as Ultralytics uses. */
    public static final int PAD_VALUE = 114;

    private static final double TO_UNIT = 1.0 / 255.0;
    private static final String[] DEPTHS = {"8U", "8S", "16U", "16S", "32S", "32F", "64F", "16F"};

    private final int width;
    private final int height;
    private final Mat canvas;
    private final Mat converted = new Mat();
    private final Mat[] bytePlanes = new Mat[3];
    private final MatVector bytePlaneVector;
    private final Mat blob;
    private final Mat[] floatPlanes = new Mat[3];
    private final FloatPointer blobPointer;
    private final FloatBuffer blobBuffer;
    private LetterboxGeometry geometry;
    private Mat region;
    private Size regionSize;
    private boolean closed;

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
        this.width = width;
        this.height = height;
        this.canvas = new Mat(height, width, CV_8UC3);
        for (int c = 0; c < 3; c++) {
            bytePlanes[c] = new Mat(height, width, CV_8UC1);
        }
        this.bytePlaneVector = new MatVector(bytePlanes);
        this.blob = new Mat(4, new int[] {1, 3, height, width}, CV_32F);
        for (int c = 0; c < 3; c++) {
            floatPlanes[c] = new Mat(height, width, CV_32F, blob.ptr(0, c));
        }
        long floats = 3L * width * height;
        this.blobPointer = new FloatPointer(blob.data());
        this.blobPointer.capacity(floats).limit(floats);
        this.blobBuffer = blobPointer.asBuffer();
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
        if (closed) {
            throw new IllegalStateException("Letterbox " + width + "x" + height + " is closed");
        }
        Mat bgr = toBgr(image);
        if (geometry == null || !geometry.fits(bgr.cols(), bgr.rows())) {
            placeRegion(LetterboxGeometry.fit(bgr.cols(), bgr.rows(), width, height));
        }
        resize(bgr, region, regionSize, 0, 0, INTER_LINEAR);
        split(canvas, bytePlaneVector);
        for (int c = 0; c < 3; c++) {
            // bytePlanes are B, G, R; the blob wants R, G, B.
            bytePlanes[c].convertTo(floatPlanes[2 - c], CV_32F, TO_UNIT, 0);
        }
        return geometry;
    }

    /** The blob {@code [1, 3, height, width]}, RGB, 0..1: a direct, native-order view of the blob's memory. */
    public FloatBuffer blobBuffer() {
        return blobBuffer;
    }

    /** The blob as a 4-D {@code CV_32F} Mat; owned by this letterbox. */
    public Mat blob() {
        return blob;
    }

    /** The blob's tensor shape, {@code [1, 3, height, width]}. */
    public long[] shape() {
        return new long[] {1, 3, height, width};
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Releases the native buffers; idempotent. The blob buffer must not be used afterwards. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (region != null) {
            region.close();
            regionSize.close();
        }
        for (Mat plane : floatPlanes) {
            plane.close();
        }
        bytePlaneVector.close();
        for (Mat plane : bytePlanes) {
            plane.close();
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

    private void placeRegion(LetterboxGeometry next) {
        if (region != null) {
            region.close();
            regionSize.close();
        }
        try (Scalar gray = new Scalar(PAD_VALUE, PAD_VALUE, PAD_VALUE, 0);
                Rect rect = new Rect(next.padLeft(), next.padTop(), next.resizedWidth(), next.resizedHeight())) {
            canvas.put(gray);
            region = canvas.apply(rect);
        }
        regionSize = new Size(next.resizedWidth(), next.resizedHeight());
        geometry = next;
    }
}
