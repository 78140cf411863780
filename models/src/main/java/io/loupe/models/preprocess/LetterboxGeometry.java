package io.loupe.models.preprocess;

/**
 * How one source image was fitted into a model input, for every {@link ResizeMode}: scaled (by one factor, or one per
 * axis for {@link ResizeMode#STRETCH}) to {@code resizedWidth x resizedHeight}, then placed at {@code (padLeft, padTop)}
 * on the input canvas. Pads are negative for {@link ResizeMode#CENTER_CROP}, where the scaled image overhangs the input
 * and its centre is cut out. Maps points both ways.
 *
 * @param sourceWidth image width in pixels
 * @param sourceHeight image height in pixels
 * @param inputWidth model input width
 * @param inputHeight model input height
 * @param resizedWidth width of the scaled image on the canvas
 * @param resizedHeight height of the scaled image on the canvas
 * @param padLeft gray columns left of the scaled image (negative: columns cut off)
 * @param padTop gray rows above the scaled image (negative: rows cut off)
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
        checkSizes(sourceWidth, sourceHeight, inputWidth, inputHeight);
        double r = Math.min((double) inputWidth / sourceWidth, (double) inputHeight / sourceHeight);
        int resizedWidth = Math.min(inputWidth, Math.max(1, (int) Math.round(sourceWidth * r)));
        int resizedHeight = Math.min(inputHeight, Math.max(1, (int) Math.round(sourceHeight * r)));
        double dw = (inputWidth - resizedWidth) / 2.0;
        double dh = (inputHeight - resizedHeight) / 2.0;
        return new LetterboxGeometry(sourceWidth, sourceHeight, inputWidth, inputHeight, resizedWidth, resizedHeight,
                (int) Math.round(dw - 0.1), (int) Math.round(dh - 0.1));
    }

    /**
     * The geometry of {@code mode}.
     *
     * @throws IllegalArgumentException when a size is not positive
     */
    public static LetterboxGeometry of(ResizeMode mode, int sourceWidth, int sourceHeight, int inputWidth,
            int inputHeight) {
        return switch (mode) {
            case LETTERBOX -> fit(sourceWidth, sourceHeight, inputWidth, inputHeight);
            case LETTERBOX_TOP_LEFT -> fitTopLeft(sourceWidth, sourceHeight, inputWidth, inputHeight);
            case STRETCH -> stretch(sourceWidth, sourceHeight, inputWidth, inputHeight);
            case CENTER_CROP -> centerCrop(sourceWidth, sourceHeight, inputWidth, inputHeight);
        };
    }

    /**
     * YOLOX's letterbox: scale {@code r = min(inputW / w, inputH / h)}, scaled size {@code int(w r) x int(h r)}
     * (truncated, as YOLOX's {@code preproc}), image in the top-left corner.
     *
     * @throws IllegalArgumentException when a size is not positive
     */
    public static LetterboxGeometry fitTopLeft(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight) {
        checkSizes(sourceWidth, sourceHeight, inputWidth, inputHeight);
        double r = Math.min((double) inputWidth / sourceWidth, (double) inputHeight / sourceHeight);
        int resizedWidth = Math.min(inputWidth, Math.max(1, (int) (sourceWidth * r)));
        int resizedHeight = Math.min(inputHeight, Math.max(1, (int) (sourceHeight * r)));
        return new LetterboxGeometry(sourceWidth, sourceHeight, inputWidth, inputHeight, resizedWidth, resizedHeight,
                0, 0);
    }

    /**
     * Each axis scaled to the input; no padding.
     *
     * @throws IllegalArgumentException when a size is not positive
     */
    public static LetterboxGeometry stretch(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight) {
        checkSizes(sourceWidth, sourceHeight, inputWidth, inputHeight);
        return new LetterboxGeometry(sourceWidth, sourceHeight, inputWidth, inputHeight, inputWidth, inputHeight, 0,
                0);
    }

    /**
     * torchvision's {@code Resize} + {@code CenterCrop}: scale {@code r = max(inputW / w, inputH / h)}, scaled size
     * {@code round(w r) x round(h r)} (at least the input), centre cut out at offset {@code round(excess / 2)}.
     *
     * @throws IllegalArgumentException when a size is not positive
     */
    public static LetterboxGeometry centerCrop(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight) {
        checkSizes(sourceWidth, sourceHeight, inputWidth, inputHeight);
        double r = Math.max((double) inputWidth / sourceWidth, (double) inputHeight / sourceHeight);
        int resizedWidth = Math.max(inputWidth, (int) Math.round(sourceWidth * r));
        int resizedHeight = Math.max(inputHeight, (int) Math.round(sourceHeight * r));
        int cropLeft = (int) Math.round((resizedWidth - inputWidth) / 2.0);
        int cropTop = (int) Math.round((resizedHeight - inputHeight) / 2.0);
        return new LetterboxGeometry(sourceWidth, sourceHeight, inputWidth, inputHeight, resizedWidth, resizedHeight,
                -cropLeft, -cropTop);
    }

    /** True when the scaled image overhangs the input (centre crop). */
    public boolean crops() {
        return padLeft < 0 || padTop < 0 || resizedWidth > inputWidth || resizedHeight > inputHeight;
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

    private static void checkSizes(int sourceWidth, int sourceHeight, int inputWidth, int inputHeight) {
        if (sourceWidth <= 0 || sourceHeight <= 0 || inputWidth <= 0 || inputHeight <= 0) {
            throw new IllegalArgumentException("Letterbox sizes must be positive: source " + sourceWidth + "x"
                    + sourceHeight + ", input " + inputWidth + "x" + inputHeight);
        }
    }

    /** True when an image of this size gives this geometry. */
    boolean fits(int width, int height) {
        return width == sourceWidth && height == sourceHeight;
    }
}
