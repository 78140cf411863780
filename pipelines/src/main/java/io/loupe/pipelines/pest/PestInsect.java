package io.loupe.pipelines.pest;

/**
 * One insect found in a capture, in frame pixels.
 *
 * @param id      the insect's number on this trap period (the same across captures while it stays on the card)
 * @param species the model's label
 * @param score   detection score of this capture
 * @param arrival true when it was not on the trap at the previous captures (a new catch)
 */
public record PestInsect(long id, String species, float score, float x1, float y1, float x2, float y2,
                         boolean arrival) {

    public float centerX() {
        return (x1 + x2) / 2;
    }

    public float centerY() {
        return (y1 + y2) / 2;
    }

    /** The longer side of the box. */
    public float size() {
        return Math.max(x2 - x1, y2 - y1);
    }
}
