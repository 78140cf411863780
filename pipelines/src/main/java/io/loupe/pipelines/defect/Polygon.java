package io.loupe.pipelines.defect;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.polylines;

/** A closed polygon in frame pixels (an ROI, an ignore region). Immutable. */
public final class Polygon {
    private final double[] xs;
    private final double[] ys;

    private Polygon(double[] xs, double[] ys) {
        this.xs = xs;
        this.ys = ys;
    }

    /**
     * A polygon from configuration points.
     *
     * @throws IllegalArgumentException as {@link #check}
     */
    public static Polygon of(String what, List<List<Double>> points) {
        List<List<Double>> checked = check(what, points, false);
        double[] xs = new double[checked.size()];
        double[] ys = new double[checked.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = checked.get(i).get(0);
            ys[i] = checked.get(i).get(1);
        }
        return new Polygon(xs, ys);
    }

    /** The rectangle {@code box} as a polygon. */
    public static Polygon of(Box box) {
        return new Polygon(new double[]{box.x(), box.right(), box.right(), box.x()},
                new double[]{box.y(), box.y(), box.bottom(), box.bottom()});
    }

    /**
     * Checks configuration points: each {@code [x, y]}, finite, non-negative, at least three of them.
     *
     * @param allowEmpty whether no points at all is accepted (an ROI: the whole frame)
     * @return an immutable copy
     * @throws IllegalArgumentException naming {@code what}, the offending point and the expected form
     */
    static List<List<Double>> check(String what, List<List<Double>> points, boolean allowEmpty) {
        if (points == null || points.isEmpty()) {
            if (allowEmpty) {
                return List.of();
            }
            throw new IllegalArgumentException(what + " needs at least 3 points, e.g. [[40, 60], [600, 60], [600, 420]]");
        }
        if (points.size() < 3) {
            throw new IllegalArgumentException(what + " has " + points.size() + " point(s); a polygon needs at least 3,"
                    + " e.g. [[40, 60], [600, 60], [600, 420]]");
        }
        List<List<Double>> copy = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            List<Double> p = points.get(i);
            if (p == null || p.size() != 2 || p.get(0) == null || p.get(1) == null) {
                throw new IllegalArgumentException(what + ": point " + i + " is " + p + "; write each point as [x, y]");
            }
            double x = p.get(0);
            double y = p.get(1);
            if (!Double.isFinite(x) || !Double.isFinite(y) || x < 0 || y < 0) {
                throw new IllegalArgumentException(what + ": point " + i + " is " + p
                        + "; coordinates are frame pixels, >= 0");
            }
            copy.add(List.of(x, y));
        }
        return List.copyOf(copy);
    }

    /** Whether the point lies inside (even-odd rule; points exactly on an edge may fall either way). */
    public boolean contains(double x, double y) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** Distance from the point to the nearest edge (positive whether inside or outside). */
    public double edgeDistance(double x, double y) {
        double best = Double.MAX_VALUE;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            double dx = xs[i] - xs[j];
            double dy = ys[i] - ys[j];
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - xs[j]) * dx + (y - ys[j]) * dy) / len2));
            double ex = xs[j] + t * dx - x;
            double ey = ys[j] + t * dy - y;
            best = Math.min(best, Math.sqrt(ex * ex + ey * ey));
        }
        return best;
    }

    /** Whether the whole box lies inside, at least {@code margin} pixels from every edge (checked at its corners). */
    public boolean containsBox(Box box, double margin) {
        double[][] corners = {{box.x(), box.y()}, {box.right(), box.y()}, {box.right(), box.bottom()},
                {box.x(), box.bottom()}};
        for (double[] c : corners) {
            if (!contains(c[0], c[1]) || edgeDistance(c[0], c[1]) < margin) {
                return false;
            }
        }
        return true;
    }

    /** The bounding box, clipped to a frame of {@code width} x {@code height}. */
    public Box bounds(int width, int height) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < xs.length; i++) {
            minX = Math.min(minX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxX = Math.max(maxX, xs[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        int x1 = (int) Math.max(0, Math.floor(minX));
        int y1 = (int) Math.max(0, Math.floor(minY));
        int x2 = (int) Math.min(width, Math.ceil(maxX));
        int y2 = (int) Math.min(height, Math.ceil(maxY));
        return new Box(x1, y1, Math.max(0, x2 - x1), Math.max(0, y2 - y1));
    }

    /** Fills the polygon into {@code mask} (8-bit, frame-sized) with {@code value}. */
    public void fill(Mat mask, int value) {
        try (MatVector one = new MatVector(1); Mat pts = points(0, 0); Scalar v = new Scalar(value, value, value, 0)) {
            one.put(0, pts);
            fillPoly(mask, one, v);
        }
    }

    /** Draws the outline onto {@code image}, shifted by {@code (-dx, -dy)}. */
    public void draw(Mat image, Scalar colour, int thickness, int dx, int dy) {
        try (MatVector one = new MatVector(1); Mat pts = points(dx, dy)) {
            one.put(0, pts);
            polylines(image, one, true, colour, thickness, LINE_AA, 0);
        }
    }

    private Mat points(int dx, int dy) {
        Mat pts = new Mat(xs.length, 1, CV_32SC2);
        try (IntIndexer idx = pts.createIndexer()) {
            for (int i = 0; i < xs.length; i++) {
                idx.put(i, 0, 0, (int) Math.round(xs[i]) - dx);
                idx.put(i, 0, 1, (int) Math.round(ys[i]) - dy);
            }
        }
        return pts;
    }

    /** Number of corners. */
    public int size() {
        return xs.length;
    }
}
