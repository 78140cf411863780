package io.loupe.pipelines.defect;

/**
 * An axis-aligned box in frame pixels, top-left origin.
 *
 * @param x      left column
 * @param y      top row
 * @param width  width in pixels, >= 0
 * @param height height in pixels, >= 0
 */
public record Box(int x, int y, int width, int height) {

    public Box {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("box size must be >= 0, got " + width + "x" + height);
        }
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    public double centerX() {
        return x + width / 2.0;
    }

    public double centerY() {
        return y + height / 2.0;
    }

    public long area() {
        return (long) width * height;
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** Whether the point lies inside (right and bottom edges excluded). */
    public boolean contains(double px, double py) {
        return px >= x && py >= y && px < right() && py < bottom();
    }

    /** The overlap of two boxes; empty (at this box's origin) when they do not overlap. */
    public Box intersect(Box o) {
        int x1 = Math.max(x, o.x);
        int y1 = Math.max(y, o.y);
        int x2 = Math.min(right(), o.right());
        int y2 = Math.min(bottom(), o.bottom());
        return x2 <= x1 || y2 <= y1 ? new Box(x, y, 0, 0) : new Box(x1, y1, x2 - x1, y2 - y1);
    }

    /** Intersection over union, 0 when either is empty. */
    public double iou(Box o) {
        long inter = intersect(o).area();
        long union = area() + o.area() - inter;
        return union <= 0 ? 0 : (double) inter / union;
    }

    /** This box moved by {@code (dx, dy)}. */
    public Box translate(int dx, int dy) {
        return new Box(x + dx, y + dy, width, height);
    }
}
