package io.loupe.pipelines.defect.part;

import io.loupe.pipelines.defect.Box;
import io.loupe.pipelines.defect.Polarity;
import io.loupe.pipelines.defect.PresenceSettings;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.contourArea;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

/**
 * Finds parts in the ROI the way a smart camera's blob tool does: grey, blur (belt texture away), threshold against
 * the belt (brighter or darker), keep the ROI, outer contours, drop blobs smaller than the minimum area. Holes (dark
 * defects inside a bright part) do not split a part: only outer contours count. Reuses its buffers; one per worker
 * thread.
 */
public final class PresenceFinder implements AutoCloseable {
    private final PresenceSettings settings;
    private final Mat grey = new Mat();
    private final Mat blurred = new Mat();
    private final Mat binary = new Mat();
    private final MatVector contours = new MatVector();
    private final Mat hierarchy = new Mat();
    private final Size kernel;
    /** The ROI's rectangle, kept while the ROI stays the same (it does, frame after frame). */
    private final Rect roiRect = new Rect();
    private Box roiBox;
    /** The parts' areas in {@link #find}'s order, reused. */
    private double[] areas = new double[8];

    public PresenceFinder(PresenceSettings settings) {
        this.settings = settings;
        this.kernel = new Size(settings.blurPx(), settings.blurPx());
    }

    /**
     * @param bgr     the frame (8-bit BGR, BGRA or grey)
     * @param roi     the ROI's bounding box in the frame
     * @param roiMask frame-sized 8-bit mask, 255 inside the ROI
     * @return the parts' boxes in frame pixels, largest first
     */
    public List<Box> find(Mat bgr, Box roi, Mat roiMask) {
        if (roi.isEmpty()) {
            return List.of();
        }
        if (!roi.equals(roiBox)) {
            roiRect.x(roi.x()).y(roi.y()).width(roi.width()).height(roi.height());
            roiBox = roi;
        }
        try (Mat view = bgr.apply(roiRect); Mat maskView = roiMask.apply(roiRect)) {
            if (view.channels() == 3) {
                cvtColor(view, grey, COLOR_BGR2GRAY);
            } else if (view.channels() == 4) {
                cvtColor(view, grey, COLOR_BGRA2GRAY);
            } else {
                view.copyTo(grey);
            }
            Mat source = grey;
            if (settings.blurPx() > 1) {
                GaussianBlur(grey, blurred, kernel, 0);
                source = blurred;
            }
            threshold(source, binary, settings.threshold(), 255,
                    settings.polarity() == Polarity.BRIGHTER ? THRESH_BINARY : THRESH_BINARY_INV);
            bitwise_and(binary, maskView, binary);
            findContours(binary, contours, hierarchy, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
        }
        List<Box> parts = new ArrayList<>();
        for (long i = 0; i < contours.size(); i++) {
            Mat c = contours.get(i);
            double area = contourArea(c);
            if (area >= settings.minAreaPx()) {
                try (Rect b = boundingRect(c)) {
                    Box box = new Box(b.x() + roi.x(), b.y() + roi.y(), b.width(), b.height());
                    int at = 0;
                    while (at < parts.size() && areas[at] >= area) {
                        at++;
                    }
                    if (parts.size() == areas.length) {
                        areas = Arrays.copyOf(areas, 2 * areas.length);
                    }
                    System.arraycopy(areas, at, areas, at + 1, parts.size() - at);
                    areas[at] = area;
                    parts.add(at, box);
                }
            }
        }
        return parts;
    }

    @Override
    public void close() {
        grey.close();
        blurred.close();
        binary.close();
        contours.close();
        hierarchy.close();
        kernel.close();
        roiRect.close();
    }
}
