package io.loupe.samples.defect;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.hconcat;
import static org.bytedeco.opencv.global.opencv_core.scaleAdd;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.line;

import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws the conveyor without parts: two brushed-steel side rails and, between them, a rubber belt whose texture
 * (grain, light fibres, broad bands, a broad darker splice) scrolls with the belt so the motion reads. The belt
 * texture is one horizontally periodic tile, made once; each frame copies a shifted window of it. Dark features on
 * the belt are kept low-contrast on purpose: the belt is not defective.
 *
 * <p>Not thread-safe; {@link #close()} is idempotent.
 */
public final class BeltRenderer implements AutoCloseable {

    /** Width of the periodic belt tile, pixels. */
    static final int TILE = 320;

    private final ConveyorLayout layout;
    private final Mat background;
    private final Mat strip;
    private boolean closed;

    public BeltRenderer(ConveyorLayout layout, SplittableRandom rng) {
        this.layout = layout;
        try (RNG noise = new RNG(rng.nextLong())) {
            background = rails(layout, noise, rng);
            try (Mat tile = beltTile(layout.beltHeight(), noise, rng)) {
                int copies = (layout.width() + TILE) / TILE + 1;
                try (MatVector tiles = new MatVector(copies)) {
                    for (int i = 0; i < copies; i++) {
                        tiles.put(i, tile);
                    }
                    strip = new Mat();
                    hconcat(tiles, strip);
                }
            }
        }
    }

    /** Draws the empty conveyor as it looks at {@code frameIndex} into {@code frame} (8-bit BGR, frame size). */
    public void draw(Mat frame, int frameIndex) {
        if (closed) {
            throw new IllegalStateException("BeltRenderer is closed");
        }
        background.copyTo(frame);
        // Screen column x shows tile column (x - frameIndex * speed) mod TILE.
        int offset = Math.floorMod(-(long) frameIndex * layout.speed(), TILE);
        try (Rect src = new Rect(offset, 0, layout.width(), layout.beltHeight());
             Rect dst = new Rect(0, layout.beltTop(), layout.width(), layout.beltHeight());
             Mat window = strip.apply(src); Mat target = frame.apply(dst)) {
            window.copyTo(target);
        }
    }

    /** Steel rails above and below the belt, lighter than the belt, with a lit lip along the belt. */
    private static Mat rails(ConveyorLayout layout, RNG noise, SplittableRandom rng) {
        int w = layout.width();
        int h = layout.height();
        try (Mat grey = new Mat(h, w, CV_32FC1, Scalar.all(138 + rng.nextInt(-6, 7)));
             Mat grain = new Mat(h, w, CV_32FC1); Mat mean = scalarMat(0); Mat sigma = scalarMat(6);
             Size streak = new Size(41, 1); Scalar lip = Scalar.all(172)) {
            noise._fill(grain, RNG.NORMAL, mean, sigma, false);
            GaussianBlur(grain, grain, streak, 0);
            add(grey, grain, grey);
            for (int y : new int[] {layout.beltTop() - 3, layout.beltBottom() + 1}) {
                try (Point a = new Point(0, y); Point b = new Point(w - 1, y)) {
                    line(grey, a, b, lip, 2, LINE_8, 0);
                }
            }
            return toBgr(grey);
        }
    }

    /** One horizontally periodic belt tile, 8-bit BGR, {@link #TILE} wide. */
    private static Mat beltTile(int height, RNG noise, SplittableRandom rng) {
        double belt = 84 + rng.nextInt(-5, 6);
        try (Mat base = new Mat(height, TILE, CV_32FC1, Scalar.all(belt));
             Mat grain = periodicNoise(height, noise, 9, 0.8);
             Mat bands = periodicNoise(height, noise, 1, 22)) {
            add(base, grain, base);
            // Broad bands: normalise the heavily blurred noise to a few grey levels.
            double scale = 5 / Math.max(1e-6, stdDev(bands));
            scaleAdd(bands, scale, base, base);
            fibres(base, belt, rng);
            splice(base, rng);
            return toBgr(base);
        }
    }

    /** Light fibres: short bright strokes, kept off the tile's edges so the tile stays seamless. */
    private static void fibres(Mat tile, double belt, SplittableRandom rng) {
        int count = tile.rows() * TILE / 300;
        for (int i = 0; i < count; i++) {
            int x = rng.nextInt(10, TILE - 10);
            int y = rng.nextInt(0, tile.rows());
            double angle = rng.nextDouble(Math.PI);
            double length = rng.nextDouble(2, 7);
            try (Point a = new Point(x, y);
                 Point b = new Point((int) (x + length * Math.cos(angle)), (int) (y + length * Math.sin(angle)));
                 Scalar light = Scalar.all(belt + rng.nextDouble(10, 22))) {
                line(tile, a, b, light, 1, LINE_8, 0);
            }
        }
    }

    /**
     * The belt's splice: a broad, slightly darker band across the belt. Broad on purpose: a band wider than the
     * detector's black-hat kernel is not an enclosed dark valley, and a darker (not lighter) band never encloses the
     * belt between itself and a part.
     */
    private static void splice(Mat tile, SplittableRandom rng) {
        int x = rng.nextInt(TILE / 4, 3 * TILE / 4);
        try (Mat band = new Mat(tile.rows(), TILE, CV_32FC1, Scalar.all(0)); Point a = new Point(x, 0);
             Point b = new Point(x + rng.nextInt(-6, 7), tile.rows() - 1); Scalar one = Scalar.all(1);
             Size soft = new Size(0, 0)) {
            line(band, a, b, one, rng.nextInt(44, 56), LINE_8, 0);
            GaussianBlur(band, band, soft, 4);
            scaleAdd(band, -rng.nextDouble(6, 9), tile, tile);
        }
    }

    /** Gaussian noise, blurred, periodic along x: blur three copies side by side and keep the middle one. */
    private static Mat periodicNoise(int height, RNG noise, double sigma, double blur) {
        try (Mat one = new Mat(height, TILE, CV_32FC1); Mat mean = scalarMat(0); Mat s = scalarMat(sigma);
             MatVector three = new MatVector(one, one, one); Mat wide = new Mat(); Size auto = new Size(0, 0);
             Rect middle = new Rect(TILE, 0, TILE, height)) {
            noise._fill(one, RNG.NORMAL, mean, s, false);
            hconcat(three, wide);
            GaussianBlur(wide, wide, auto, blur);
            try (Mat view = wide.apply(middle)) {
                return view.clone();
            }
        }
    }

    private static double stdDev(Mat m) {
        try (Mat mean = new Mat(); Mat dev = new Mat()) {
            org.bytedeco.opencv.global.opencv_core.meanStdDev(m, mean, dev);
            try (org.bytedeco.javacpp.indexer.DoubleIndexer idx = dev.createIndexer()) {
                return idx.get(0);
            }
        }
    }

    private static Mat toBgr(Mat grey) {
        try (Mat eight = new Mat()) {
            grey.convertTo(eight, CV_8U);
            Mat bgr = new Mat();
            cvtColor(eight, bgr, COLOR_GRAY2BGR);
            return bgr;
        }
    }

    private static Mat scalarMat(double value) {
        return new Mat(1, 1, CV_64F, Scalar.all(value));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        background.close();
        strip.close();
    }
}
