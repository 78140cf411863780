package io.loupe.samples.defect.marks;

import org.bytedeco.opencv.opencv_core.Point;

/** A point in whole part-local pixels. */
public record Pt(int x, int y) {

    /** @return a new OpenCV point; the caller closes it or lets the GC do so */
    Point toPoint() {
        return new Point(x, y);
    }

    /** @return this point moved by {@code length} along {@code angleRad} (image axes: y grows downwards) */
    public Pt step(double length, double angleRad) {
        return new Pt((int) Math.round(x + length * Math.cos(angleRad)), (int) Math.round(y + length * Math.sin(angleRad)));
    }
}
