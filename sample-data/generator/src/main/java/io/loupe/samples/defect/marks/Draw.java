package io.loupe.samples.defect.marks;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.polylines;

import java.util.List;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Thin, leak-free wrappers over OpenCV's drawing calls for the marks. */
final class Draw {

    private Draw() {
    }

    static void segment(Mat into, Pt a, Pt b, int thickness, double value) {
        try (Point p = a.toPoint(); Point q = b.toPoint(); Scalar color = Scalar.all(value)) {
            line(into, p, q, color, thickness, LINE_AA, 0);
        }
    }

    static void path(Mat into, List<Pt> points, int thickness, double value) {
        for (int i = 1; i < points.size(); i++) {
            segment(into, points.get(i - 1), points.get(i), thickness, value);
        }
    }

    static void polygon(Mat into, List<Pt> points, double value) {
        try (Mat pts = contour(points); MatVector contours = new MatVector(pts); Scalar color = Scalar.all(value);
             Point offset = new Point(0, 0)) {
            fillPoly(into, contours, color, LINE_AA, 0, offset);
        }
    }

    static void outline(Mat into, List<Pt> points, int thickness, double value) {
        try (Mat pts = contour(points); MatVector contours = new MatVector(pts); Scalar color = Scalar.all(value)) {
            polylines(into, contours, true, color, thickness, LINE_AA, 0);
        }
    }

    private static Mat contour(List<Pt> points) {
        Mat pts = new Mat(points.size(), 1, CV_32SC2);
        try (IntIndexer idx = pts.createIndexer()) {
            for (int i = 0; i < points.size(); i++) {
                idx.put(i, 0, 0, points.get(i).x());
                idx.put(i, 0, 1, points.get(i).y());
            }
        }
        return pts;
    }

    /** @return the smallest box holding all points, grown by {@code margin} */
    static io.loupe.samples.core.Box bounds(List<Pt> points, int margin) {
        int x1 = Integer.MAX_VALUE;
        int y1 = Integer.MAX_VALUE;
        int x2 = Integer.MIN_VALUE;
        int y2 = Integer.MIN_VALUE;
        for (Pt p : points) {
            x1 = Math.min(x1, p.x());
            y1 = Math.min(y1, p.y());
            x2 = Math.max(x2, p.x());
            y2 = Math.max(y2, p.y());
        }
        return io.loupe.samples.core.Box.ofCorners(x1 - margin, y1 - margin, x2 + 1 + margin, y2 + 1 + margin);
    }
}
