package io.loupe.samples.pest;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.polylines;

import io.loupe.samples.core.Box;
import io.loupe.samples.core.Colour;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Draws debris onto a capture with OpenCV: dust specks, soil grains, torn leaf bits (translucent, some green enough
 * to pass for an aphid at a glance) and hair-like fibres. Each piece's shape and shade come from its own seed, so it
 * looks the same in every capture.
 */
final class DebrisRenderer {

    private static final int SHIFT = 4;
    private static final double ONE = 1 << SHIFT;

    private DebrisRenderer() {
    }

    static void draw(Mat image, DebrisPlan debris) {
        SplittableRandom rng = new SplittableRandom(debris.seed());
        switch (debris.kind()) {
            case DUST -> dust(image, debris, rng);
            case GRAIN -> grain(image, debris, rng);
            case FRAGMENT -> fragment(image, debris, rng);
            case FIBRE -> fibre(image, debris, rng);
        }
    }

    private static void dust(Mat image, DebrisPlan d, SplittableRandom rng) {
        double grey = rng.nextDouble(40, 110);
        Colour c = new Colour(grey * 0.9, grey, grey * 1.05);
        try (Point p = point(d.x(), d.y()); Scalar s = c.toScalar()) {
            circle(image, p, (int) Math.round(d.size() / 2 * ONE), s, FILLED, LINE_AA, SHIFT);
        }
    }

    private static void grain(Mat image, DebrisPlan d, SplittableRandom rng) {
        Colour c = rng.nextBoolean() ? new Colour(55, 85, 115).vary(15, rng) : new Colour(105, 110, 115).vary(15, rng);
        double[][] blob = blob(d, 6, 0.35, 1.0, rng);
        overlay(image, d, 1.0, (layer, ox, oy) -> fill(layer, blob, c, ox, oy));
        try (Point p = point(d.x() - d.size() * 0.15, d.y() - d.size() * 0.15);
             Scalar s = c.mix(new Colour(220, 230, 235), 0.5).toScalar()) {
            circle(image, p, (int) Math.round(Math.max(0.5, d.size() / 6) * ONE), s, FILLED, LINE_AA, SHIFT);
        }
    }

    private static void fragment(Mat image, DebrisPlan d, SplittableRandom rng) {
        Colour[] palette = {new Colour(50, 125, 70), new Colour(45, 95, 120), new Colour(60, 110, 100),
            new Colour(80, 150, 175)};
        Colour c = palette[rng.nextInt(palette.length)].vary(15, rng);
        double[][] leaf = blob(d, 8, 0.45, rng.nextDouble(0.3, 0.7), rng);
        double opacity = rng.nextDouble(0.55, 0.9);
        double a = Math.toRadians(d.angle());
        double[][] vein = {{d.x() - Math.cos(a) * d.size() * 0.4, d.y() - Math.sin(a) * d.size() * 0.4},
            {d.x() + Math.cos(a) * d.size() * 0.4, d.y() + Math.sin(a) * d.size() * 0.4}};
        overlay(image, d, opacity, (layer, ox, oy) -> {
            fill(layer, leaf, c, ox, oy);
            stroke(layer, vein, c.times(0.7), 1, ox, oy);
        });
    }

    private static void fibre(Mat image, DebrisPlan d, SplittableRandom rng) {
        Colour c = rng.nextDouble() < 0.7 ? new Colour(40, 45, 55).vary(15, rng) : new Colour(205, 215, 215).vary(15, rng);
        int n = 10;
        double[][] pts = new double[n][];
        double heading = Math.toRadians(d.angle());
        double step = d.size() / (n - 1);
        double x = d.x() - Math.cos(heading) * d.size() / 2;
        double y = d.y() - Math.sin(heading) * d.size() / 2;
        double bend = rng.nextDouble(-0.12, 0.12);
        for (int i = 0; i < n; i++) {
            pts[i] = new double[] {x, y};
            heading += bend + rng.nextDouble(-0.2, 0.2);
            x += Math.cos(heading) * step;
            y += Math.sin(heading) * step;
        }
        overlay(image, d, rng.nextDouble(0.5, 0.85), (layer, ox, oy) -> stroke(layer, pts, c, 1, ox, oy));
    }

    /** An irregular closed outline around the piece's centre, {@code n} points, elongated by {@code aspect}. */
    private static double[][] blob(DebrisPlan d, int n, double roughness, double aspect, SplittableRandom rng) {
        double[][] pts = new double[n][];
        double a = Math.toRadians(d.angle());
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double r = d.size() / 2 * (1 - roughness + roughness * 2 * rng.nextDouble());
            double u = Math.cos(t) * r;
            double v = Math.sin(t) * r * aspect;
            pts[i] = new double[] {d.x() + u * Math.cos(a) - v * Math.sin(a), d.y() + u * Math.sin(a) + v * Math.cos(a)};
        }
        return pts;
    }

    /** Paints into a layer whose top-left corner is at ({@code ox}, {@code oy}) in the image. */
    @FunctionalInterface
    private interface Painter {
        void paint(Mat layer, int ox, int oy);
    }

    /** Paints onto a copy of the piece's surroundings and blends it back with {@code opacity}. */
    private static void overlay(Mat image, DebrisPlan d, double opacity, Painter painter) {
        int r = (int) Math.ceil(d.size()) + 4;
        Box box = Box.ofCorners((int) d.x() - r, (int) d.y() - r, (int) d.x() + r, (int) d.y() + r)
                .intersect(new Box(0, 0, image.cols(), image.rows()));
        if (box.isEmpty()) {
            return;
        }
        try (Rect rect = new Rect(box.x(), box.y(), box.width(), box.height()); Mat roi = image.apply(rect);
             Mat layer = roi.clone()) {
            painter.paint(layer, box.x(), box.y());
            addWeighted(layer, opacity, roi, 1 - opacity, 0, roi);
        }
    }

    private static void fill(Mat layer, double[][] pts, Colour c, int ox, int oy) {
        try (Mat contour = contour(pts, ox, oy); MatVector polys = new MatVector(contour); Scalar s = c.toScalar();
             Point offset = new Point(0, 0)) {
            fillPoly(layer, polys, s, LINE_AA, SHIFT, offset);
        }
    }

    private static void stroke(Mat layer, double[][] pts, Colour c, int thickness, int ox, int oy) {
        try (Mat contour = contour(pts, ox, oy); MatVector lines = new MatVector(contour); Scalar s = c.toScalar()) {
            polylines(layer, lines, false, s, thickness, LINE_AA, SHIFT);
        }
    }

    private static Mat contour(double[][] pts, int ox, int oy) {
        Mat m = new Mat(pts.length, 1, CV_32SC2);
        try (IntIndexer idx = m.createIndexer()) {
            for (int i = 0; i < pts.length; i++) {
                idx.put(i, 0, 0, (int) Math.round((pts[i][0] - ox) * ONE));
                idx.put(i, 0, 1, (int) Math.round((pts[i][1] - oy) * ONE));
            }
        }
        return m;
    }

    private static Point point(double x, double y) {
        return new Point((int) Math.round(x * ONE), (int) Math.round(y * ONE));
    }
}
