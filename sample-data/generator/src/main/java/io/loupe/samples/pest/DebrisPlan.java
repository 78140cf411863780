package io.loupe.samples.pest;

/**
 * One piece of debris stuck on the card: a distractor that is not an insect.
 *
 * @param kind  what it is
 * @param x     centre column, pixels
 * @param y     centre row, pixels
 * @param size  extent, pixels
 * @param angle orientation, degrees
 * @param seed  seed of its shape and shade
 */
public record DebrisPlan(Kind kind, double x, double y, double size, double angle, long seed) {

    /** The kinds of debris. */
    public enum Kind {
        /** A dark speck of dust, 1–4 px. */
        DUST,
        /** A grain of soil or sand, 2–6 px, brown or grey. */
        GRAIN,
        /** A torn bit of leaf or petal, 8–36 px, green or brown, partly translucent: looks like an aphid at a glance. */
        FRAGMENT,
        /** A hair-like fibre, thin and curved, 20–120 px long. */
        FIBRE
    }
}
