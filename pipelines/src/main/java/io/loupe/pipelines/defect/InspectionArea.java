package io.loupe.pipelines.defect;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

/**
 * The ROI and the ignore regions of one pipeline: point tests for findings, and a frame-sized mask (255 where findings
 * count) for pixel work, made once per frame size. Used on the worker thread only.
 */
public final class InspectionArea implements AutoCloseable {

    /** An ignore region, ready for point tests. */
    public record Ignored(String name, Polygon polygon) {
    }

    private final Polygon roi;
    private final List<Ignored> ignore;
    private Mat mask;
    private int maskWidth;
    private int maskHeight;

    public InspectionArea(List<List<Double>> roi, List<IgnoreRegion> ignore) {
        this.roi = roi.isEmpty() ? null : Polygon.of("roi", roi);
        List<Ignored> list = new ArrayList<>();
        for (IgnoreRegion r : ignore) {
            list.add(new Ignored(r.name(), Polygon.of("ignore region '" + r.name() + "'", r.polygon())));
        }
        this.ignore = List.copyOf(list);
    }

    /** Whether an ROI is configured (otherwise the whole frame is inspected). */
    public boolean hasRoi() {
        return roi != null;
    }

    /** The ROI polygon; for no configured ROI, the whole frame. */
    public Polygon roi(int width, int height) {
        return roi != null ? roi : Polygon.of(new Box(0, 0, width, height));
    }

    public List<Ignored> ignore() {
        return ignore;
    }

    /** The ROI's bounding box clipped to the frame; the whole frame without an ROI. */
    public Box bounds(int width, int height) {
        return roi == null ? new Box(0, 0, width, height) : roi.bounds(width, height);
    }

    /** Whether the point lies in the ROI (always, without an ROI). */
    public boolean inRoi(double x, double y) {
        return roi == null || roi.contains(x, y);
    }

    /** The name of the ignore region the point lies in, or null. */
    public String ignoredBy(double x, double y) {
        for (int i = 0; i < ignore.size(); i++) { // indexed: called per detection, no iterator
            Ignored r = ignore.get(i);
            if (r.polygon().contains(x, y)) {
                return r.name();
            }
        }
        return null;
    }

    /** Whether a part's box lies inside the ROI, at least {@code margin} pixels from its edges and the frame's. */
    public boolean fullyInView(Box box, int margin, int width, int height) {
        Polygon area = roi(width, height);
        Box frameInner = new Box(margin, margin, Math.max(0, width - 2 * margin), Math.max(0, height - 2 * margin));
        boolean inFrame = box.x() >= frameInner.x() && box.y() >= frameInner.y() && box.right() <= frameInner.right()
                && box.bottom() <= frameInner.bottom();
        return inFrame && area.containsBox(box, margin);
    }

    /**
     * A mask of the frame: 255 inside the ROI and outside every ignore region, 0 elsewhere. Owned by this area; made
     * again only when the frame size changes.
     */
    public Mat mask(int width, int height) {
        if (mask == null || maskWidth != width || maskHeight != height) {
            if (mask != null) {
                mask.close();
            }
            mask = new Mat(height, width, CV_8UC1, new Scalar(roi == null ? 255 : 0));
            if (roi != null) {
                roi.fill(mask, 255);
            }
            for (Ignored r : ignore) {
                r.polygon().fill(mask, 0);
            }
            maskWidth = width;
            maskHeight = height;
        }
        return mask;
    }

    @Override
    public void close() {
        if (mask != null) {
            mask.close();
            mask = null;
        }
    }
}
