package io.loupe.models;

/**
 * One detected object, in the pixel coordinates of the image given to {@link Detector#detect}: {@code (x1, y1)} is the
 * top-left corner, {@code (x2, y2)} the bottom-right one.
 */
public record Detection(int classId, String label, float score, float x1, float y1, float x2, float y2) {

    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }
}
