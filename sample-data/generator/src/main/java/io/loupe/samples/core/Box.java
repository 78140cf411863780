package io.loupe.samples.core;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An axis-aligned box in whole pixels, top-left origin; serialised in JSON as {@code [x, y, w, h]}.
 *
 * @param x      left column (inclusive)
 * @param y      top row (inclusive)
 * @param width  width in pixels, zero for an empty box
 * @param height height in pixels, zero for an empty box
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"x", "y", "width", "height"})
public record Box(int x, int y, int width, int height) {

    /** An empty box at the origin. */
    public static final Box EMPTY = new Box(0, 0, 0, 0);

    public Box {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("box size must not be negative, got " + width + "x" + height
                    + " at (" + x + ", " + y + "); use Box.EMPTY for nothing");
        }
    }

    /** @return the box spanning {@code [x1, x2) x [y1, y2)}, empty when the corners are swapped */
    public static Box ofCorners(int x1, int y1, int x2, int y2) {
        return new Box(x1, y1, Math.max(0, x2 - x1), Math.max(0, y2 - y1));
    }

    /** @return one past the right-most column */
    public int right() {
        return x + width;
    }

    /** @return one past the bottom row */
    public int bottom() {
        return y + height;
    }

    public int area() {
        return width * height;
    }

    @JsonIgnore
    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    public Box translate(int dx, int dy) {
        return new Box(x + dx, y + dy, width, height);
    }

    /** @return this box grown by {@code margin} pixels on every side */
    public Box grow(int margin) {
        return ofCorners(x - margin, y - margin, right() + margin, bottom() + margin);
    }

    /** @return the overlap of both boxes, {@link #EMPTY} when they do not overlap */
    public Box intersect(Box other) {
        Box overlap = ofCorners(Math.max(x, other.x), Math.max(y, other.y),
                Math.min(right(), other.right()), Math.min(bottom(), other.bottom()));
        return overlap.isEmpty() ? EMPTY : overlap;
    }

    /** @return whether {@code other} lies entirely inside this box */
    public boolean contains(Box other) {
        return other.x >= x && other.y >= y && other.right() <= right() && other.bottom() <= bottom();
    }

    /** @return intersection over union, 0 when either box is empty */
    public double iou(Box other) {
        int overlap = intersect(other).area();
        int union = area() + other.area() - overlap;
        return union == 0 ? 0 : (double) overlap / union;
    }
}
