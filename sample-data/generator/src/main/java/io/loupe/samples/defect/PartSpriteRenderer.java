package io.loupe.samples.defect;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_core.scaleAdd;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.loupe.samples.core.Box;
import io.loupe.samples.defect.marks.DefectMark;
import io.loupe.samples.defect.truth.DefectTruth;
import io.loupe.samples.defect.truth.Material;
import io.loupe.samples.defect.truth.PartShape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Shades a {@link PartPlan} into a {@link PartSprite}, all in OpenCV: an anti-aliased outline (drawn at 4x and
 * area-averaged), a lighting gradient from the top left, the material (brushed metal with a specular band, or plastic
 * with a soft highlight), a bevel (lit top-left rim, shaded bottom-right rim, both brighter than the belt), the
 * defects darkening the surface, and a soft shadow on the belt. The result depends only on the plan.
 */
public final class PartSpriteRenderer {

    private static final int SUPERSAMPLE = 4;
    private static final int SHADOW_PAD = 24;
    private static final int SHADOW_DX = 4;
    private static final int SHADOW_DY = 6;
    private static final double SHADOW_STRENGTH = 0.06;
    /** Most a highlight adds to a channel, grey levels. */
    private static final double HIGHLIGHT_LEVELS = 60;

    private PartSpriteRenderer() {
    }

    public static PartSprite render(PartPlan plan) {
        int w = plan.width();
        int h = plan.height();
        SplittableRandom rng = new SplittableRandom(plan.textureSeed());
        try (Mat alpha8 = outline(plan); RNG noise = new RNG(rng.nextLong())) {
            Mat alpha = new Mat();
            alpha8.convertTo(alpha, CV_32F, 1 / 255.0, 0);
            Mat alphaComplement = new Mat();
            alpha.convertTo(alphaComplement, CV_32F, -1, 1);
            Mat gain = lighting(w, h, rng);
            if (plan.material() == Material.METAL) {
                brushedMetal(gain, noise, rng);
            } else {
                plastic(gain, noise);
            }
            bevel(gain, alpha);
            List<DefectTruth> defects = new ArrayList<>();
            Mat colour = colour(plan, gain, defects);
            gain.close();
            Mat bgr = new Mat();
            colour.convertTo(bgr, CV_8U);
            colour.close();
            Mat shadow = shadow(alpha);
            Mat shadowComplement = new Mat();
            shadow.convertTo(shadowComplement, CV_32F, -1, 1);
            return new PartSprite(plan, bgr, alpha, alphaComplement, SHADOW_PAD, shadow, shadowComplement, defects);
        }
    }

    /** @return the part's coverage, 8-bit, anti-aliased */
    private static Mat outline(PartPlan plan) {
        int s = SUPERSAMPLE;
        int w = plan.width() * s;
        int h = plan.height() * s;
        try (Mat big = new Mat(h, w, CV_8UC1, Scalar.all(0)); Scalar white = Scalar.all(255)) {
            if (plan.shape() == PartShape.DISC) {
                try (Point c = new Point(w / 2, h / 2)) {
                    circle(big, c, w / 2 - 1, white, FILLED, LINE_8, 0);
                }
            } else {
                int r = plan.cornerRadius() * s;
                fillRect(big, r, 0, w - 1 - r, h - 1, white);
                fillRect(big, 0, r, w - 1, h - 1 - r, white);
                for (int[] c : new int[][] {{r, r}, {w - 1 - r, r}, {r, h - 1 - r}, {w - 1 - r, h - 1 - r}}) {
                    try (Point p = new Point(c[0], c[1])) {
                        circle(big, p, r, white, FILLED, LINE_8, 0);
                    }
                }
            }
            Mat alpha = new Mat();
            try (Size size = new Size(plan.width(), plan.height())) {
                resize(big, alpha, size, 0, 0, INTER_AREA);
            }
            return alpha;
        }
    }

    private static void fillRect(Mat into, int x1, int y1, int x2, int y2, Scalar colour) {
        try (Point a = new Point(x1, y1); Point b = new Point(x2, y2)) {
            rectangle(into, a, b, colour, FILLED, LINE_8, 0);
        }
    }

    /** Light from the top left: a 2x2 grid of gains, bilinearly enlarged. */
    private static Mat lighting(int w, int h, SplittableRandom rng) {
        try (Mat grid = new Mat(2, 2, CV_32FC1); Size size = new Size(w, h)) {
            try (FloatIndexer idx = grid.createIndexer()) {
                idx.put(0, 0, (float) (1.06 + rng.nextDouble(-0.03, 0.03)));
                idx.put(0, 1, (float) (0.97 + rng.nextDouble(-0.03, 0.03)));
                idx.put(1, 0, (float) (0.95 + rng.nextDouble(-0.03, 0.03)));
                idx.put(1, 1, (float) (0.86 + rng.nextDouble(-0.03, 0.03)));
            }
            Mat gain = new Mat();
            resize(grid, gain, size, 0, 0, INTER_LINEAR);
            return gain;
        }
    }

    /** Horizontal brushing (noise smeared along x) and one broad diagonal specular band. */
    private static void brushedMetal(Mat gain, RNG noise, SplittableRandom rng) {
        int w = gain.cols();
        int h = gain.rows();
        try (Mat grain = new Mat(h, w, CV_32FC1); Mat mean = scalarMat(0); Mat sigma = scalarMat(1);
             Size streak = new Size(31, 1)) {
            noise._fill(grain, RNG.NORMAL, mean, sigma, false);
            GaussianBlur(grain, grain, streak, 0);
            scaleAdd(grain, 0.06, gain, gain);
        }
        try (Mat band = new Mat(h, w, CV_32FC1, Scalar.all(0)); Scalar one = Scalar.all(1)) {
            double angle = Math.toRadians(rng.nextDouble(50, 70));
            double cx = w * rng.nextDouble(0.3, 0.6);
            double cy = h * 0.5;
            double reach = w + h;
            try (Point a = new Point((int) (cx - reach * Math.cos(angle)), (int) (cy - reach * Math.sin(angle)));
                 Point b = new Point((int) (cx + reach * Math.cos(angle)), (int) (cy + reach * Math.sin(angle)))) {
                line(band, a, b, one, Math.max(6, w / 10), LINE_8, 0);
            }
            try (Size auto = new Size(0, 0)) {
                GaussianBlur(band, band, auto, w / 8.0);
            }
            scaleAdd(band, 0.25, gain, gain);
        }
    }

    /** A soft highlight towards the light and a trace of surface noise. */
    private static void plastic(Mat gain, RNG noise) {
        int w = gain.cols();
        int h = gain.rows();
        int small = Math.min(w, h);
        try (Mat blob = new Mat(h, w, CV_32FC1, Scalar.all(0)); Scalar one = Scalar.all(1);
             Point c = new Point((int) (w * 0.33), (int) (h * 0.3)); Size auto = new Size(0, 0)) {
            circle(blob, c, small / 5, one, FILLED, LINE_8, 0);
            GaussianBlur(blob, blob, auto, small / 6.0);
            scaleAdd(blob, 0.25, gain, gain);
        }
        try (Mat grain = new Mat(h, w, CV_32FC1); Mat mean = scalarMat(0); Mat sigma = scalarMat(0.01)) {
            noise._fill(grain, RNG.NORMAL, mean, sigma, false);
            add(gain, grain, gain);
        }
    }

    /** Lit top-left rim, shaded bottom-right rim: the slope of the blurred coverage towards the light. */
    private static void bevel(Mat gain, Mat alpha) {
        try (Mat soft = new Mat(); Mat dx = new Mat(); Mat dy = new Mat(); Size k = new Size(0, 0)) {
            GaussianBlur(alpha, soft, k, 1.2);
            Sobel(soft, dx, CV_32F, 1, 0);
            Sobel(soft, dy, CV_32F, 0, 1);
            add(dx, dy, dx);
            scaleAdd(dx, 0.06, gain, gain);
        }
    }

    /** Base colour times gain, darkened by the defects, plus their lit rims; records each defect's exact box. */
    private static Mat colour(PartPlan plan, Mat gain, List<DefectTruth> defects) {
        int w = plan.width();
        int h = plan.height();
        Mat colour;
        try (Scalar base = plan.color().toScalar(); Mat gain3 = new Mat()) {
            colour = new Mat(h, w, CV_32FC3, base);
            cvtColor(gain, gain3, COLOR_GRAY2BGR);
            multiply(colour, gain3, colour);
        }
        try (Mat dark = new Mat(h, w, CV_32FC1, Scalar.all(0)); Mat light = new Mat(h, w, CV_32FC1, Scalar.all(0));
             Mat layer = new Mat(); Mat keep3 = new Mat(); Mat light3 = new Mat()) {
            int number = 1;
            for (DefectMark mark : plan.defects()) {
                try (Mat coverage = new Mat(h, w, CV_8UC1, Scalar.all(0));
                     Mat rim = new Mat(h, w, CV_8UC1, Scalar.all(0))) {
                    mark.drawCoverage(coverage);
                    try (Rect r = boundingRect(coverage)) {
                        defects.add(new DefectTruth(number++, mark.type(), new Box(r.x(), r.y(), r.width(), r.height())));
                    }
                    coverage.convertTo(layer, CV_32F, mark.darkness() / 255, 0);
                    max(dark, layer, dark);
                    mark.drawHighlight(rim);
                    rim.convertTo(layer, CV_32F, HIGHLIGHT_LEVELS / 255, 0);
                    max(light, layer, light);
                }
            }
            dark.convertTo(layer, CV_32F, -1, 1);
            cvtColor(layer, keep3, COLOR_GRAY2BGR);
            multiply(colour, keep3, colour);
            cvtColor(light, light3, COLOR_GRAY2BGR);
            add(colour, light3, colour);
        }
        return colour;
    }

    /** The shadow's darkening on the belt: the coverage shifted away from the light and blurred. */
    private static Mat shadow(Mat alpha) {
        int w = alpha.cols() + 2 * SHADOW_PAD;
        int h = alpha.rows() + 2 * SHADOW_PAD;
        Mat shadow = new Mat(h, w, CV_32FC1, Scalar.all(0));
        try (Rect at = new Rect(SHADOW_PAD + SHADOW_DX, SHADOW_PAD + SHADOW_DY, alpha.cols(), alpha.rows());
             Mat target = shadow.apply(at); Size k = new Size(0, 0)) {
            alpha.copyTo(target);
            GaussianBlur(shadow, shadow, k, 10);
        }
        shadow.convertTo(shadow, CV_32F, SHADOW_STRENGTH, 0);
        return shadow;
    }

    private static Mat scalarMat(double value) {
        return new Mat(1, 1, CV_64F, Scalar.all(value));
    }
}
