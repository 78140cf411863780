package io.loupe.samples.pest;

import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One sticky card as it hangs in front of the camera, before anything lands on it: the printed, glue-coated card
 * (8-bit BGR) and where the glue throws glare (32-bit float, 0..1, full size). Made by {@link TrapCardRenderer}.
 *
 * <p>{@link #close()} is idempotent.
 */
public final class TrapCard implements AutoCloseable {

    private final long seed;
    private final Mat card;
    private final Mat glare;
    private boolean closed;

    TrapCard(long seed, Mat card, Mat glare) {
        this.seed = seed;
        this.card = card;
        this.glare = glare;
    }

    /** @return the card seed it was made from */
    public long seed() {
        return seed;
    }

    /** @return the empty card, 8-bit BGR; do not close or change it */
    public Mat card() {
        return card;
    }

    /** @return the glare map, float 0..1, full size; do not close or change it */
    public Mat glare() {
        return glare;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        card.close();
        glare.close();
    }
}
