package io.loupe.camera.pattern;

import io.loupe.camera.CameraException;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.Pacer;
import io.loupe.camera.ReadStatus;
import io.loupe.camera.SourceInfo;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.time.Duration;
import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/**
 * Draws frame {@code n}: a grey field, a blue square sliding right, a red disc bouncing up and down, the text
 * {@code #n}, and {@code n} in binary as {@value #CODE_BITS} squares along the bottom edge (white = 1, most significant
 * first; see {@link #codeSquare}). Drawn with OpenCV into the caller's {@code Mat}; the drawing objects are made once
 * at open. Presentation time of frame n is n / fps. Paced at fps with {@code realtime}, else as fast as read.
 * With {@code frames} set, ends after that many frames, or starts again at 0 with {@code loop}.
 */
public final class TestPatternSource implements FrameSource {

    /** Number of squares in the binary frame code. */
    public static final int CODE_BITS = 16;

    private final CameraSpec spec;
    private final PatternParams params;
    private final Pacer pacer = new Pacer();
    private Scalar background;
    private Scalar blue;
    private Scalar red;
    private Scalar white;
    private Scalar black;
    private Point p1;
    private Point p2;
    private boolean open;
    private long index;
    private long total;
    private long lastPts = -1;
    private long lastDrawNanos = -1;

    TestPatternSource(CameraSpec spec, PatternParams params) {
        this.spec = spec;
        this.params = params;
    }

    @Override
    public SourceInfo open() {
        if (open) {
            throw new IllegalStateException("test pattern " + spec.url() + " is already open; close() it first");
        }
        background = new Scalar(64, 64, 64, 0);
        blue = new Scalar(200, 80, 0, 0);
        red = new Scalar(0, 0, 220, 0);
        white = new Scalar(255, 255, 255, 0);
        black = new Scalar(0, 0, 0, 0);
        p1 = new Point();
        p2 = new Point();
        index = 0;
        open = true;
        String description = String.format(Locale.ROOT, "test pattern %dx%d %.3gfps%s%s", params.width(),
                params.height(), params.fps(), params.frames() > 0 ? ", " + params.frames() + " frames" : "",
                spec.loop() ? ", loop" : "");
        return new SourceInfo(params.width(), params.height(), params.fps(), description);
    }

    @Override
    public ReadStatus read(Mat dst, Duration timeout) throws CameraException {
        if (!open) {
            throw new IllegalStateException("test pattern " + spec.url() + " is not open; call open() first");
        }
        if (params.frames() > 0 && index >= params.frames()) {
            if (!spec.loop()) {
                return ReadStatus.END;
            }
            index = 0;
        }
        long pts = Math.round(total * 1_000_000 / params.fps());
        if (spec.realtime() && !pacer.dueWithin(pts, timeout)) {
            return ReadStatus.TIMEOUT;
        }
        long started = System.nanoTime();
        draw(dst, index);
        lastDrawNanos = System.nanoTime() - started;
        index++;
        total++;
        lastPts = pts;
        return ReadStatus.FRAME;
    }

    @Override
    public long lastPtsMicros() {
        return lastPts;
    }

    /** Time spent drawing the last frame (pacing waits excluded). */
    @Override
    public long lastDecodeNanos() {
        return lastDrawNanos;
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        for (Pointer pointer : new Pointer[] {background, blue, red, white, black, p1, p2}) {
            pointer.close();
        }
    }

    /**
     * Where bit {@code bit} (0 = most significant) of the frame code is drawn in a {@code width}×{@code height} frame:
     * {x, y, size}. Tests read the code back with this.
     */
    public static int[] codeSquare(int width, int height, int bit) {
        int size = Math.max(2, width / (CODE_BITS + 4));
        return new int[] {size / 2 + bit * size, height - size - size / 2, size};
    }

    private void draw(Mat dst, long n) {
        int w = params.width();
        int h = params.height();
        dst.create(h, w, CV_8UC3);
        dst.put(background);

        int side = Math.max(4, h / 4);
        int travel = Math.max(1, w - side);
        int x = (int) ((n * 4) % travel);
        rectangle(dst, p1.x(x).y(h / 8), p2.x(x + side).y(h / 8 + side), blue, FILLED, LINE_8, 0);

        int radius = Math.max(3, h / 10);
        int span = Math.max(1, h - 2 * radius);
        int phase = (int) ((n * 3) % (2L * span));
        int cy = radius + (phase < span ? phase : 2 * span - phase);
        circle(dst, p1.x(w * 3 / 4).y(cy), radius, red, FILLED, LINE_8, 0);

        double scale = Math.max(0.4, h / 320.0);
        putText(dst, "#" + n, p1.x(w / 20).y(h / 2 + h / 8), FONT_HERSHEY_SIMPLEX, scale, white,
                Math.max(1, (int) Math.round(scale * 2)), LINE_8, false);

        for (int bit = 0; bit < CODE_BITS; bit++) {
            int[] square = codeSquare(w, h, bit);
            boolean set = ((n >> (CODE_BITS - 1 - bit)) & 1) != 0;
            rectangle(dst, p1.x(square[0]).y(square[1]), p2.x(square[0] + square[2] - 1).y(square[1] + square[2] - 1),
                    set ? white : black, FILLED, LINE_8, 0);
        }
    }
}
