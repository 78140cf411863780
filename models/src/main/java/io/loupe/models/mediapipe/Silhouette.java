package io.loupe.models.mediapipe;

import static org.bytedeco.opencv.global.opencv_core.CMP_GT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Reads the BlazePose landmark model's segmentation mask (logits over the crop, {@code [1, 1, H, W]}) for the lowest
 * frame row the person covers: where the lower foot meets the floor, wherever a landmark model puts the ankle inside
 * the shoe. The mask is read in place from the model's output buffer; per frame it costs three OpenCV passes over its
 * 65,536 cells (which cells are the person, the frame row of every cell, the largest among the person's) and allocates
 * nothing: 0.05 ms on the development machine (median of five rounds of 2,000 calls), under 1 % of BlazePose full's
 * landmark model. Not thread-safe: one per {@link BlazePoseTracker}.
 */
final class Silhouette implements AutoCloseable {
    /** Cells whose logit is above this are the person (probability 0.5, MediaPipe's own threshold). */
    static final double PERSON_LOGIT = 0;

    private final int width;
    private final int height;
    private final FloatPointer data;
    private final Mat logits;
    private final Mat columns;
    private final Mat rows;
    private final Mat frameRows;
    private final Mat threshold;
    private final Mat personMask;
    private final DoublePointer least = new DoublePointer(1);
    private final DoublePointer most = new DoublePointer(1);
    private final Point lowest = new Point();

    /**
     * @param mask   the model's segmentation output, a direct buffer the runner writes each frame
     * @param width  the mask's width (W)
     * @param height the mask's height (H)
     */
    Silhouette(FloatBuffer mask, int width, int height) {
        if (!mask.isDirect() || mask.capacity() < width * height) {
            throw new IllegalArgumentException("the segmentation output must be a direct buffer of at least "
                    + width + " x " + height + " floats, got " + mask);
        }
        this.width = width;
        this.height = height;
        this.data = new FloatPointer(mask);
        this.logits = new Mat(height, width, CV_32F, data);
        this.columns = new Mat(height, width, CV_32F);
        this.rows = new Mat(height, width, CV_32F);
        try (FloatIndexer c = columns.createIndexer(); FloatIndexer r = rows.createIndexer()) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    c.put(y, x, x);
                    r.put(y, x, y);
                }
            }
        }
        this.frameRows = new Mat(height, width, CV_32F);
        try (Scalar level = Scalar.all(PERSON_LOGIT)) {
            this.threshold = new Mat(height, width, CV_32F, level);
        }
        this.personMask = new Mat(height, width, CV_8U);
    }

    /**
     * The lowest frame row (continuous pixels, y down) that the mask cells that are the person cover, the mask being
     * the one the model gave for a crop of {@code roi}; NaN when no cell is.
     */
    float lowestRow(PoseRoi roi) {
        double sin = Math.sin(roi.rotation());
        double cos = Math.cos(roi.rotation());
        double perColumn = roi.size() * sin / width;
        double perRow = roi.size() * cos / height;
        // a cell's centre (c + 0.5, r + 0.5) in mask cells, as crop fractions u, v, put into the frame (PoseRoi#frameY)
        double offset = roi.centreY() + (0.5 / width - 0.5) * roi.size() * sin
                + (0.5 / height - 0.5) * roi.size() * cos;
        compare(logits, threshold, personMask, CMP_GT);
        addWeighted(columns, perColumn, rows, perRow, 0, frameRows);
        minMaxLoc(frameRows, least, most, null, lowest, personMask);
        if (lowest.x() < 0) { // no cell is the person
            return Float.NaN;
        }
        double halfCell = 0.5 * (Math.abs(perColumn) + Math.abs(perRow));
        return (float) (offset + most.get() + halfCell);
    }

    @Override
    public void close() {
        personMask.close();
        threshold.close();
        lowest.close();
        frameRows.close();
        rows.close();
        columns.close();
        logits.close();
        data.close();
        least.close();
        most.close();
    }
}
