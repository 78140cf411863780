package io.loupe.samples.pest;

/**
 * The fixed geometry of the trap camera: image size, the card's scale and grid, the time between captures.
 *
 * @param width         image width, pixels (at least 2000: traps are photographed at high resolution)
 * @param height        image height, pixels
 * @param pxPerMm       pixels per millimetre on the card
 * @param gridMm        spacing of the printed grid, millimetres
 * @param intervalHours time between captures, hours
 * @param jpegQuality   JPEG quality of the captures, 0..100
 */
public record TrapLayout(int width, int height, double pxPerMm, double gridMm, int intervalHours, int jpegQuality) {

    /** Margin kept between an insect's centre and the image edge, pixels: its whole sprite stays inside. */
    public static final int EDGE_MARGIN = InsectSprite.SIZE / 2 + 2;

    public TrapLayout {
        if (width < 4 * EDGE_MARGIN || height < 4 * EDGE_MARGIN) {
            throw new IllegalArgumentException("trap image " + width + "x" + height + " is too small; use at least "
                    + 4 * EDGE_MARGIN + " px on each side (the demo uses 2400x1600)");
        }
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("JPEG quality must be in 1..100, got " + jpegQuality);
        }
    }

    /** @return the demo trap camera: 2400x1600 JPEG at quality 90, 10 px/mm, 25 mm grid, one capture a day */
    public static TrapLayout standard() {
        return new TrapLayout(2400, 1600, 10, 25, 24, 90);
    }

    /** @return grid spacing in pixels */
    public double gridPx() {
        return gridMm * pxPerMm;
    }
}
