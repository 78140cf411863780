package io.loupe.samples.pest;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.subtract;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.loupe.samples.core.Colour;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Makes a {@link TrapCard} from a card seed: a yellow card with a slightly uneven glue coat (low- and mid-frequency
 * shading, fine grain), a printed grid of dark lines at the layout's spacing (turned by up to a degree and a half,
 * as a card never hangs quite straight), a printed label, air bubbles in the glue, and the glare the glue throws back:
 * broad soft streaks and a few sharp bright ones along the light's direction. Soft fields are made at a quarter of
 * the size and enlarged, so that nothing blurs a full-size image with a wide kernel.
 */
public final class TrapCardRenderer {

    private static final int COARSE = 4;
    private static final int SHIFT = 4;

    private TrapCardRenderer() {
    }

    /** @return the card for {@code seed}; the caller closes it */
    public static TrapCard render(TrapLayout layout, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int w = layout.width();
        int h = layout.height();
        try (RNG noise = new RNG(rng.nextLong())) {
            Colour yellow = new Colour(22, 214, 246).vary(8, rng);
            Mat card;
            try (Scalar base = yellow.toScalar()) {
                card = new Mat(h, w, CV_32FC3, base);
            }
            try (Mat coat = softField(w, h, 28, 0.025, noise); Mat patches = softField(w, h, 6, 0.015, noise);
                 Mat coat3 = new Mat()) {
                add(coat, patches, coat);
                try (Mat one = new Mat(h, w, CV_32FC1, Scalar.all(1))) {
                    add(coat, one, coat);
                }
                cvtColor(coat, coat3, COLOR_GRAY2BGR);
                multiply(card, coat3, card);
            }
            try (Mat grain = new Mat(h, w, CV_32FC3); Mat mean = scalar(0); Mat sigma = scalar(2.2);
                 Size auto = new Size(0, 0)) {
                noise._fill(grain, RNG.NORMAL, mean, sigma, false);
                GaussianBlur(grain, grain, auto, 0.8);
                add(card, grain, card);
            }
            printGrid(card, layout, rng);
            Mat card8 = new Mat();
            card.convertTo(card8, CV_8U);
            card.close();
            label(card8, yellow, rng);
            bubbles(card8, yellow, layout, rng);
            return new TrapCard(seed, card8, glare(w, h, rng));
        }
    }

    /** Smooth random shading: noise on a coarse grid, enlarged with cubic interpolation, sigma {@code strength}. */
    private static Mat softField(int w, int h, int cells, double strength, RNG noise) {
        int cw = Math.max(2, cells);
        int ch = Math.max(2, cells * h / w);
        try (Mat coarse = new Mat(ch, cw, CV_32FC1); Mat mean = scalar(0); Mat sigma = scalar(strength);
             Size size = new Size(w, h)) {
            noise._fill(coarse, RNG.NORMAL, mean, sigma, false);
            Mat field = new Mat();
            resize(coarse, field, size, 0, 0, INTER_CUBIC);
            return field;
        }
    }

    /** Dark grid lines (ink under the glue, not quite black) every grid spacing, the grid turned and offset. */
    private static void printGrid(Mat card, TrapLayout layout, SplittableRandom rng) {
        int w = layout.width();
        int h = layout.height();
        double step = layout.gridPx();
        double turn = Math.toRadians(rng.nextDouble(-1.5, 1.5));
        double ox = rng.nextDouble(step);
        double oy = rng.nextDouble(step);
        int thickness = rng.nextInt(2, 4);
        double c = Math.cos(turn);
        double s = Math.sin(turn);
        double reach = w + h;
        try (Mat ink = new Mat(h, w, CV_8UC1, Scalar.all(0)); Scalar white = Scalar.all(255)) {
            for (double k = -Math.ceil(reach / step); k <= Math.ceil(reach / step); k++) {
                double d = k * step;
                // a vertical line x = ox + d and a horizontal line y = oy + d, both turned about the centre
                drawLine(ink, w / 2.0 + (ox + d - w / 2.0) * c, h / 2.0 + (ox + d - w / 2.0) * s, -s, c, reach,
                        thickness, white);
                drawLine(ink, w / 2.0 - (oy + d - h / 2.0) * s, h / 2.0 + (oy + d - h / 2.0) * c, c, s, reach,
                        thickness, white);
            }
            Colour inkColour = new Colour(45, 75, 70).vary(10, rng);
            double opacity = rng.nextDouble(0.65, 0.85);
            try (Mat cover = new Mat(); Mat cover3 = new Mat(); Mat keep3 = new Mat(); Mat paint = new Mat();
                 Mat ones = new Mat(h, w, CV_32FC3, Scalar.all(1)); Scalar inkScalar = inkColour.toScalar()) {
                ink.convertTo(cover, CV_32F, opacity / 255.0, 0);
                cvtColor(cover, cover3, COLOR_GRAY2BGR);
                subtract(ones, cover3, keep3);
                multiply(card, keep3, card);
                paint.create(h, w, CV_32FC3);
                paint.put(inkScalar);
                multiply(paint, cover3, paint);
                add(card, paint, card);
            }
        }
    }

    private static void drawLine(Mat into, double x, double y, double dx, double dy, double reach, int thickness,
                                 Scalar colour) {
        double one = 1 << SHIFT;
        try (Point a = new Point((int) Math.round((x - dx * reach) * one), (int) Math.round((y - dy * reach) * one));
             Point b = new Point((int) Math.round((x + dx * reach) * one), (int) Math.round((y + dy * reach) * one))) {
            line(into, a, b, colour, thickness, LINE_AA, SHIFT);
        }
    }

    /** The maker's label printed in a corner. */
    private static void label(Mat card, Colour yellow, SplittableRandom rng) {
        String text = "LOUPE TRAP  25 mm  No. " + (1000 + rng.nextInt(9000));
        int x = 40 + rng.nextInt(40);
        int y = card.rows() - 40 - rng.nextInt(30);
        try (Point at = new Point(x, y); Scalar ink = yellow.times(0.35).toScalar()) {
            putText(card, text, at, FONT_HERSHEY_SIMPLEX, 1.1, ink, 2, LINE_AA, false);
        }
    }

    /** Air bubbles in the glue: a faint bright rim around a slightly darker disc, 2–7 px. */
    private static void bubbles(Mat card, Colour yellow, TrapLayout layout, SplittableRandom rng) {
        int n = (int) (40 * layout.width() * (double) layout.height() / (2400.0 * 1600.0));
        try (Scalar inside = yellow.times(0.93).toScalar();
             Scalar rim = yellow.mix(new Colour(235, 250, 255), 0.6).toScalar()) {
            for (int i = 0; i < n; i++) {
                int r = rng.nextInt(2, 8);
                try (Point c = new Point(rng.nextInt(r + 2, layout.width() - r - 2),
                        rng.nextInt(r + 2, layout.height() - r - 2))) {
                    circle(card, c, r, inside, FILLED, LINE_AA, 0);
                    circle(card, c, r, rim, 1, LINE_AA, 0);
                }
            }
        }
    }

    /**
     * Where the glue reflects the light: broad soft streaks and a few sharp ones along one direction, drawn at a
     * quarter of the size, blurred, enlarged and scaled to a peak of 1.
     */
    private static Mat glare(int w, int h, SplittableRandom rng) {
        int cw = w / COARSE;
        int ch = h / COARSE;
        double direction = rng.nextDouble(180);
        try (Mat soft = new Mat(ch, cw, CV_32FC1, Scalar.all(0)); Mat sharp = new Mat(ch, cw, CV_32FC1, Scalar.all(0));
             Scalar one = Scalar.all(1); Size auto = new Size(0, 0); Size full = new Size(w, h)) {
            int broad = rng.nextInt(2, 5);
            for (int i = 0; i < broad; i++) {
                streak(soft, cw, ch, direction + rng.nextDouble(-12, 12), rng.nextDouble(80, 320),
                        rng.nextDouble(5, 18), rng.nextDouble(0.5, 1.0), rng);
            }
            GaussianBlur(soft, soft, auto, rng.nextDouble(5, 10));
            int thin = rng.nextInt(1, 4);
            for (int i = 0; i < thin; i++) {
                streak(sharp, cw, ch, direction + rng.nextDouble(-6, 6), rng.nextDouble(40, 160),
                        rng.nextDouble(0.6, 1.6), rng.nextDouble(0.6, 1.0), rng);
            }
            GaussianBlur(sharp, sharp, auto, 0.8);
            max(soft, sharp, soft);
            try (org.bytedeco.javacpp.DoublePointer peak = new org.bytedeco.javacpp.DoublePointer(1)) {
                minMaxLoc(soft, null, peak, null, null, null);
                if (peak.get() > 0) {
                    soft.convertTo(soft, CV_32F, 1 / peak.get(), 0);
                }
            }
            Mat glare = new Mat();
            resize(soft, glare, full, 0, 0, INTER_LINEAR);
            return glare;
        }
    }

    private static void streak(Mat into, int w, int h, double angle, double length, double width, double value,
                               SplittableRandom rng) {
        try (Point c = new Point(rng.nextInt(w), rng.nextInt(h));
             Size axes = new Size((int) Math.max(1, length / 2), (int) Math.max(1, width / 2));
             Scalar v = Scalar.all(value)) {
            ellipse(into, c, axes, angle, 0, 360, v, FILLED, LINE_AA, 0);
        }
    }

    private static Mat scalar(double value) {
        return new Mat(1, 1, CV_64F, Scalar.all(value));
    }
}
