package io.loupe.models.preprocess;

/**
 * One region of an image cut for sliced inference, in the image's pixels.
 *
 * @param x left column
 * @param y top row
 * @param width columns
 * @param height rows
 */
public record Tile(int x, int y, int width, int height) {

    /** @throws IllegalArgumentException for a negative corner or an empty size */
    public Tile {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("Tile " + width + "x" + height + " at (" + x + ", " + y
                    + ") is invalid; corners must be >= 0 and sizes >= 1");
        }
    }
}
