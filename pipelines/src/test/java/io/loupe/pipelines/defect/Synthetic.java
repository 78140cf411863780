package io.loupe.pipelines.defect;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.SplittableRandom;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.randn;
import static org.bytedeco.opencv.global.opencv_core.setRNGSeed;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/**
 * Synthetic part images for the scorer tests, drawn with OpenCV from a seed: a printed board (fixed layout, a small
 * random shift, sensor noise) for the template scorer, and a free-lying oval part on a coloured table (random place
 * and angle) for the patch scorer. Defects are drawn on top.
 */
final class Synthetic {
    private Synthetic() {
    }

    /** A 200x160 "board": traces and pads at a fixed layout, shifted by up to 2 px, with noise sigma 4. */
    static Mat board(long seed, boolean defect) {
        SplittableRandom rng = new SplittableRandom(seed);
        int dx = rng.nextInt(-2, 3);
        int dy = rng.nextInt(-2, 3);
        Mat m = new Mat(160, 200, CV_8UC3, new Scalar(40, 90, 40, 0));
        for (int i = 0; i < 6; i++) {
            line(m, pt(20 + dx, 20 + 22 * i + dy), pt(180 + dx, 20 + 22 * i + dy), new Scalar(60, 180, 200, 0), 4,
                    LINE_AA, 0);
        }
        for (int i = 0; i < 5; i++) {
            rectangle(m, pt(30 + 32 * i + dx, 130 + dy), pt(46 + 32 * i + dx, 146 + dy), new Scalar(200, 200, 200, 0),
                    FILLED, LINE_AA, 0);
        }
        if (defect) {
            circle(m, pt(100 + dx, 64 + dy), 6, new Scalar(40, 90, 40, 0), FILLED, LINE_AA, 0); // an open trace
        }
        noise(m, seed, 4);
        return m;
    }

    /** A 256x256 table (yellow) with an oval beige part at a random place and angle; a blue stain when defective. */
    static Mat part(long seed, boolean defect) {
        SplittableRandom rng = new SplittableRandom(seed);
        Mat m = new Mat(256, 256, CV_8UC3, new Scalar(40, 200, 220, 0));
        int cx = rng.nextInt(100, 157);
        int cy = rng.nextInt(100, 157);
        double angle = rng.nextDouble(0, 180);
        try (Size axes = new Size(70, 45); Point c = pt(cx, cy)) {
            ellipse(m, c, axes, angle, 0, 360, new Scalar(150, 190, 215, 0), FILLED, LINE_AA, 0);
        }
        if (defect) {
            circle(m, pt(cx + 10, cy - 5), 9, new Scalar(160, 80, 20, 0), FILLED, LINE_AA, 0);
        }
        try (Size k = new Size(5, 5)) {
            GaussianBlur(m, m, k, 0);
        }
        noise(m, seed, 3);
        return m;
    }

    private static void noise(Mat m, long seed, double sigma) {
        setRNGSeed((int) seed);
        try (Mat f = new Mat(); Mat flat = new Mat(m.rows(), m.cols() * 3, CV_32FC1);
             Mat mean = new Mat(1, 1, CV_64FC1, Scalar.all(0)); Mat sd = new Mat(1, 1, CV_64FC1, Scalar.all(sigma))) {
            m.convertTo(f, CV_32F);
            randn(flat, mean, sd);
            try (Mat n = flat.reshape(3, m.rows())) {
                add(f, n, f);
            }
            f.convertTo(m, CV_8U);
        }
    }

    private static Point pt(int x, int y) {
        return new Point(x, y);
    }
}
