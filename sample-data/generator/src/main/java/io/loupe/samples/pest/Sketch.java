package io.loupe.samples.pest;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.polylines;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import io.loupe.samples.core.Box;
import io.loupe.samples.core.Colour;
import io.loupe.samples.pest.truth.Species;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A small square canvas that paints an insect in its own coordinates — {@code u} along the body towards the head,
 * {@code v} across it, one unit per {@code scale} pixels — rotated into place, drawn at {@value #SUPERSAMPLE}x and
 * area-averaged down, so thin legs come out as faint anti-aliased lines. Paint is composed "over" in premultiplied
 * colour; every operation is an OpenCV call.
 *
 * <p>Not thread-safe; {@link #close()} is idempotent.
 */
final class Sketch implements AutoCloseable {

    static final int SUPERSAMPLE = 4;
    /** Coverage from which a pixel counts as the insect's, for its box. */
    static final double BOX_COVERAGE = 0.25;
    private static final int SHIFT = 4;
    private static final double ONE = 1 << SHIFT;

    private final int side;
    private final double scale;
    private final double cos;
    private final double sin;
    private final Mat colour;
    private final Mat alpha;
    private final Mat mask = new Mat();
    private final Mat cover = new Mat();
    private final Mat cover3 = new Mat();
    private final Mat paint;
    private final Mat ones;
    private final Mat ones3;
    private final Mat tmp = new Mat();
    private final Mat tmp3 = new Mat();
    private boolean closed;

    /**
     * @param scale pixels (at 1x) per unit
     * @param angle rotation, degrees, counter-clockwise on screen
     */
    Sketch(double scale, double angle) {
        this.side = InsectSprite.SIZE * SUPERSAMPLE;
        this.scale = scale * SUPERSAMPLE;
        this.cos = Math.cos(Math.toRadians(angle));
        this.sin = Math.sin(Math.toRadians(angle));
        colour = new Mat(side, side, CV_32FC3, Scalar.all(0));
        alpha = new Mat(side, side, CV_32FC1, Scalar.all(0));
        mask.create(side, side, CV_8UC1);
        paint = new Mat(side, side, CV_32FC3, Scalar.all(0));
        ones = new Mat(side, side, CV_32FC1, Scalar.all(1));
        ones3 = new Mat(side, side, CV_32FC3, Scalar.all(1));
    }

    /** @return {@code pixels} (at 1x) in units */
    double px(double pixels) {
        return pixels * SUPERSAMPLE / scale;
    }

    /** @return the light's direction (from the top left of the image) in insect coordinates, a unit vector */
    double[] light() {
        double x = -0.6;
        double y = -0.8;
        return new double[] {x * cos - y * sin, -x * sin - y * cos};
    }

    /** Paints an ellipse centred at (u, v) with half-axes (a along u, b along v) turned by {@code turn} degrees. */
    void ellipse(double u, double v, double a, double b, double turn, Colour c, double opacity, double soften) {
        clear();
        double angle = -Math.toDegrees(Math.atan2(sin, cos)) - turn;
        try (Point centre = point(u, v);
             Size axes = new Size((int) Math.max(1, Math.round(a * scale * ONE)),
                     (int) Math.max(1, Math.round(b * scale * ONE)));
             Scalar white = Scalar.all(255)) {
            org.bytedeco.opencv.global.opencv_imgproc.ellipse(mask, centre, axes, angle, 0, 360, white, FILLED,
                    LINE_AA, SHIFT);
        }
        paint(c, opacity, soften);
    }

    /** Paints the filled polygon through {@code points} ({@code {u, v}} pairs). */
    void polygon(double[][] points, Colour c, double opacity, double soften) {
        clear();
        try (Mat pts = contour(points); MatVector contours = new MatVector(pts); Scalar white = Scalar.all(255);
             Point offset = new Point(0, 0)) {
            fillPoly(mask, contours, white, LINE_AA, SHIFT, offset);
        }
        paint(c, opacity, soften);
    }

    /** Paints a line through {@code points} ({@code {u, v}} pairs), {@code width} units thick. */
    void stroke(double[][] points, double width, Colour c, double opacity) {
        clear();
        int thickness = (int) Math.max(1, Math.round(width * scale));
        try (Mat pts = contour(points); MatVector lines = new MatVector(pts); Scalar white = Scalar.all(255)) {
            polylines(mask, lines, false, white, thickness, LINE_AA, SHIFT);
        }
        paint(c, opacity, 0);
    }

    /** Multiplies the colour painted so far by {@code 1 + noise}, noise of the given strength and grain (units). */
    void texture(double strength, double grain, RNG rng) {
        try (Mat noise = new Mat(side, side, CV_32FC1); Mat mean = scalar(0); Mat sigma = scalar(strength);
             Size auto = new Size(0, 0)) {
            rng._fill(noise, RNG.NORMAL, mean, sigma, false);
            GaussianBlur(noise, noise, auto, Math.max(0.5, grain * scale));
            add(noise, ones, noise);
            cvtColor(noise, tmp3, COLOR_GRAY2BGR);
            multiply(colour, tmp3, colour);
        }
    }

    /** @return the painted insect at 1x; the sketch stays usable */
    InsectSprite toSprite(Species species) {
        int size = InsectSprite.SIZE;
        try (Size small = new Size(size, size); Mat smallAlpha = new Mat(); Mat covered = new Mat()) {
            Mat premultiplied = new Mat();
            resize(colour, premultiplied, small, 0, 0, INTER_AREA);
            resize(alpha, smallAlpha, small, 0, 0, INTER_AREA);
            Mat keep = new Mat();
            try (Mat keep1 = new Mat(); Mat one = new Mat(size, size, CV_32FC1, Scalar.all(1))) {
                subtract(one, smallAlpha, keep1);
                cvtColor(keep1, keep, COLOR_GRAY2BGR);
            }
            threshold(smallAlpha, covered, BOX_COVERAGE - 1e-6, 255, THRESH_BINARY);
            covered.convertTo(covered, CV_8U);
            Box box;
            try (Rect r = boundingRect(covered)) {
                box = new Box(r.x(), r.y(), r.width(), r.height());
            }
            return new InsectSprite(species, premultiplied, keep, box);
        }
    }

    private void clear() {
        if (closed) {
            throw new IllegalStateException("sketch is closed");
        }
        try (Scalar zero = Scalar.all(0)) {
            mask.put(zero);
        }
    }

    /** colour = c * cover + colour * (1 - cover); alpha = cover + alpha * (1 - cover). */
    private void paint(Colour c, double opacity, double soften) {
        mask.convertTo(cover, CV_32F, opacity / 255.0, 0);
        if (soften > 0) {
            try (Size auto = new Size(0, 0)) {
                GaussianBlur(cover, cover, auto, Math.max(0.5, soften * scale));
            }
        }
        cvtColor(cover, cover3, COLOR_GRAY2BGR);
        subtract(ones3, cover3, tmp3);
        multiply(colour, tmp3, colour);
        try (Scalar s = c.toScalar()) {
            paint.put(s);
        }
        multiply(paint, cover3, tmp3);
        add(colour, tmp3, colour);
        subtract(ones, cover, tmp);
        multiply(alpha, tmp, alpha);
        add(alpha, cover, alpha);
    }

    private Point point(double u, double v) {
        double[] p = toCanvas(u, v);
        return new Point((int) Math.round(p[0] * ONE), (int) Math.round(p[1] * ONE));
    }

    private double[] toCanvas(double u, double v) {
        double half = side / 2.0;
        return new double[] {half + scale * (u * cos - v * sin), half - scale * (u * sin + v * cos)};
    }

    private Mat contour(double[][] points) {
        Mat pts = new Mat(points.length, 1, CV_32SC2);
        try (IntIndexer idx = pts.createIndexer()) {
            for (int i = 0; i < points.length; i++) {
                double[] p = toCanvas(points[i][0], points[i][1]);
                idx.put(i, 0, 0, (int) Math.round(p[0] * ONE));
                idx.put(i, 0, 1, (int) Math.round(p[1] * ONE));
            }
        }
        return pts;
    }

    private static Mat scalar(double value) {
        return new Mat(1, 1, CV_64F, Scalar.all(value));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Mat m : new Mat[] {colour, alpha, mask, cover, cover3, paint, ones, ones3, tmp, tmp3}) {
            m.close();
        }
    }
}
