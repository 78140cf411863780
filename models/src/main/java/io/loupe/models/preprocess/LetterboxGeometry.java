package io.loupe.models.preprocess;

/**
 * How one source image was fitted into a model input: scaled by one factor to keep its aspect ratio, then centred on a
 * gray canvas. Maps points both ways.
 *
 * @param sourceWidth image width in pixels
 * @param sourceHeight image height in pixels
 * @param inputWidth model input width
 * @param inputHeight model input height
 * @param resizedWidth width of the scaled image on the canvas
 * @param resizedHeight height of the scaled image on the canvas
 * @param padLeft gray columns left of the scaled image
 * @param padTop gray rows above the scaled image
 */
public record LetterboxGeometry(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight,
        int resizedWidth, int resizedHeight, int padLeft, int padTop) {

    /**
     * The Ultralytics letterbox ({@code LetterBox(auto=False, scaleup=True, center=True)}): scale
     * {@code r = min(inputW / w, inputH / h)}, scaled size {@code round(w r) × round(h r)}, padding
     * {@code round(d - 0.1)} before and {@code round(d + 0.1)} after, where {@code d} is half the spare space.
     *
     * @throws IllegalArgumentException when a size is not positive
     */
    public static LetterboxGeometry fit(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight) {
        if (sourceWidth <= 0 || sourceHeight <= 0 || inputWidth <= 0 || inputHeight <= 0) {
            throw new IllegalArgumentException("Letterbox sizes must be positive: source " + sourceWidth + "x"
                    + sourceHeight + ", input " + inputWidth + "x" + inputHeight);
        }
        double r = Math.min((double) inputWidth / sourceWidth, (double) inputHeight / sourceHeight);
        int resizedWidth = Math.min(inputWidth, Math.max(1, (int) Math.round(sourceWidth * r)));
        int resizedHeight = Math.min(inputHeight, Math.max(1, (int) Math.round(sourceHeight * r)));
        double dw = (inputWidth - resizedWidth) / 2.0;
        double dh = (inputHeight - resizedHeight) / 2.0;
        return new LetterboxGeometry(sourceWidth, sourceHeight, inputWidth, inputHeight, resizedWidth, resizedHeight,
                (int) Math.round(dw - 0.1), (int) Math.round(dh - 0.1));
    }

    /** Gray columns right of the scaled image. */
    public int padRight() {
        return inputWidth - resizedWidth - padLeft;
    }

    /** Gray rows below the scaled image. */
    public int padBottom() {
        return inputHeight - resizedHeight - padTop;
    }

    /** Horizontal scale from source to input pixels. */
    public float scaleX() {
        return (float) resizedWidth / sourceWidth;
    }

    /** Vertical scale from source to input pixels. */
    public float scaleY() {
        return (float) resizedHeight / sourceHeight;
    }

    /** Source x to input x. */
    public float toInputX(float sourceX) {
        return sourceX * scaleX() + padLeft;
    }

    /** Source y to input y. */
    public float toInputY(float sourceY) {
        return sourceY * scaleY() + padTop;
    }

    /** Input x to source x (not clipped). */
    public float toSourceX(float inputX) {
        return (inputX - padLeft) / scaleX();
    }

    /** Input y to source y (not clipped). */
    public float toSourceY(float inputY) {
        return (inputY - padTop) / scaleY();
    }

    /** True when an image of this size gives this geometry. */
    boolean fits(int width, int height) {
        return width == sourceWidth && height == sourceHeight;
    }
}
