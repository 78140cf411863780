package io.loupe.samples.pest;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.multiply;

import io.loupe.samples.core.Box;
import io.loupe.samples.pest.truth.Species;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * One insect drawn once, ready to be laid onto captures: its premultiplied colour, its coverage (alpha), and the
 * exact box of what it covers, in sprite-local pixels. Made by {@link InsectArtist}.
 *
 * <p>Not thread-safe; {@link #close()} is idempotent.
 */
public final class InsectSprite implements AutoCloseable {

    /** Side of the square sprite, pixels: room for the largest insect at any rotation. */
    public static final int SIZE = 64;

    private final Species species;
    private final Mat premultiplied;
    private final Mat keep;
    private final Box box;
    private final Mat scratch = new Mat();
    private boolean closed;

    /**
     * @param premultiplied colour times coverage, 32-bit float BGR, {@link #SIZE} square
     * @param keep          1 - coverage, 32-bit float, 3 channels
     * @param box           what it covers, sprite-local
     */
    InsectSprite(Species species, Mat premultiplied, Mat keep, Box box) {
        this.species = species;
        this.premultiplied = premultiplied;
        this.keep = keep;
        this.box = box;
    }

    public Species species() {
        return species;
    }

    /** @return the box of what it covers, in sprite-local pixels */
    public Box box() {
        return box;
    }

    /**
     * Lays the insect over {@code image} (8-bit BGR) with the sprite's top-left corner at {@code (left, top)}; the
     * sprite must lie inside the image.
     */
    public void drawAt(Mat image, int left, int top) {
        if (closed) {
            throw new IllegalStateException("sprite of a " + species.label() + " is closed");
        }
        if (left < 0 || top < 0 || left + SIZE > image.cols() || top + SIZE > image.rows()) {
            throw new IllegalArgumentException("insect sprite at (" + left + ", " + top + ") sticks out of the "
                    + image.cols() + "x" + image.rows() + " image; keep insects TrapLayout.EDGE_MARGIN from the edge");
        }
        try (Rect at = new Rect(left, top, SIZE, SIZE); Mat target = image.apply(at)) {
            target.convertTo(scratch, CV_32F);
            multiply(scratch, keep, scratch);
            add(scratch, premultiplied, scratch);
            scratch.convertTo(target, CV_8U);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        premultiplied.close();
        keep.close();
        scratch.close();
    }
}
