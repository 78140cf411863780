package io.loupe.models;

/** Box arithmetic for assertions. */
final class Boxes {

    private Boxes() {
    }

    /** IoU of a detection with the box (x1, y1, x2, y2). */
    static double iou(Detection d, double x1, double y1, double x2, double y2) {
        double w = Math.max(0, Math.min(d.x2(), x2) - Math.max(d.x1(), x1));
        double h = Math.max(0, Math.min(d.y2(), y2) - Math.max(d.y1(), y1));
        double intersection = w * h;
        double union = d.width() * d.height() + (x2 - x1) * (y2 - y1) - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}
