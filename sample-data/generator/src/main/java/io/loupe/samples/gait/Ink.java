package io.loupe.samples.gait;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.fillConvexPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;

import io.loupe.samples.core.Colour;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Anti-aliased, sub-pixel filled shapes in pixel coordinates (doubles), drawn with OpenCV into an image and, when
 * given, the same shape at full strength into a coverage mask. Shapes offset by {@code (ox, oy)}: the image may be a
 * region of interest whose top-left corner is at {@code (ox, oy)} in frame pixels.
 */
final class Ink {

    private static final int SHIFT = 4;
    private static final double ONE = 1 << SHIFT;

    private final Mat image;
    private final Mat mask;
    private final double ox;
    private final double oy;

    /** @param mask the coverage mask, or null */
    Ink(Mat image, Mat mask, double ox, double oy) {
        this.image = image;
        this.mask = mask;
        this.ox = ox;
        this.oy = oy;
    }

    /** A tapered capsule from (ax, ay) radius ra to (bx, by) radius rb. */
    void capsule(double ax, double ay, double ra, double bx, double by, double rb, Colour c, boolean cover) {
        double dx = bx - ax;
        double dy = by - ay;
        double len = Math.hypot(dx, dy);
        try (Scalar s = c.toScalar(); Scalar white = Scalar.all(255)) {
            if (len > 1e-3) {
                double nx = -dy / len;
                double ny = dx / len;
                double[][] quad = {{ax + nx * ra, ay + ny * ra}, {bx + nx * rb, by + ny * rb},
                    {bx - nx * rb, by - ny * rb}, {ax - nx * ra, ay - ny * ra}};
                try (Mat pts = points(quad)) {
                    fillConvexPoly(image, pts, s, LINE_AA, SHIFT);
                    if (cover && mask != null) {
                        fillConvexPoly(mask, pts, white, LINE_AA, SHIFT);
                    }
                }
            }
            disc(ax, ay, ra, s, white, cover);
            disc(bx, by, rb, s, white, cover);
        }
    }

    /** A filled ellipse with half-axes (a, b) turned by {@code angle} degrees. */
    void ellipse(double cx, double cy, double a, double b, double angle, Colour c, boolean cover) {
        try (Scalar s = c.toScalar(); Scalar white = Scalar.all(255); Point centre = point(cx, cy);
             Size axes = new Size((int) Math.max(1, Math.round(a * ONE)), (int) Math.max(1, Math.round(b * ONE)))) {
            org.bytedeco.opencv.global.opencv_imgproc.ellipse(image, centre, axes, angle, 0, 360, s, FILLED, LINE_AA,
                    SHIFT);
            if (cover && mask != null) {
                org.bytedeco.opencv.global.opencv_imgproc.ellipse(mask, centre, axes, angle, 0, 360, white, FILLED,
                        LINE_AA, SHIFT);
            }
        }
    }

    /** A filled polygon (any shape). */
    void polygon(double[][] pts, Colour c, boolean cover) {
        try (Scalar s = c.toScalar(); Scalar white = Scalar.all(255); Mat m = points(pts);
             MatVector polys = new MatVector(m); Point zero = new Point(0, 0)) {
            fillPoly(image, polys, s, LINE_AA, SHIFT, zero);
            if (cover && mask != null) {
                fillPoly(mask, polys, white, LINE_AA, SHIFT, zero);
            }
        }
    }

    private void disc(double x, double y, double r, Scalar s, Scalar white, boolean cover) {
        try (Point p = point(x, y)) {
            int radius = (int) Math.max(1, Math.round(r * ONE));
            circle(image, p, radius, s, FILLED, LINE_AA, SHIFT);
            if (cover && mask != null) {
                circle(mask, p, radius, white, FILLED, LINE_AA, SHIFT);
            }
        }
    }

    private Point point(double x, double y) {
        return new Point((int) Math.round((x - ox) * ONE), (int) Math.round((y - oy) * ONE));
    }

    private Mat points(double[][] pts) {
        Mat m = new Mat(pts.length, 1, CV_32SC2);
        try (IntIndexer idx = m.createIndexer()) {
            for (int i = 0; i < pts.length; i++) {
                idx.put(i, 0, 0, (int) Math.round((pts[i][0] - ox) * ONE));
                idx.put(i, 0, 1, (int) Math.round((pts[i][1] - oy) * ONE));
            }
        }
        return m;
    }
}
