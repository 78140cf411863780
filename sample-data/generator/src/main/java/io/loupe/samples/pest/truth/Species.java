package io.loupe.samples.pest.truth;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The insects the trap scene draws; {@link #ordinal()} is the YOLO class id. Sizes are the longer side of the
 * insect's box in the image (10 px per mm on the card), legs and antennae included.
 */
public enum Species {
    /** Small (8–14 px), white, two powdery wing lobes over a tiny dark body. */
    WHITEFLY("whitefly", 8, 14),
    /** Green or olive, pear-shaped body with legs and cornicles, often antennae (10–18 px). */
    APHID("aphid", 10, 18),
    /** Slender and dark brown, 10–20 px long and 3–4 px wide, wings folded along the body. */
    THRIPS("thrips", 10, 20),
    /** Dark, 20–30 px, two clear greyish wings, long legs and antennae. */
    FUNGUS_GNAT("fungus_gnat", 20, 30),
    /** Brown, 26–40 px, triangular (delta) wings with darker bands and spots. */
    MOTH("moth", 26, 40);

    private final String label;
    private final int minSize;
    private final int maxSize;

    Species(String label, int minSize, int maxSize) {
        this.label = label;
        this.minSize = minSize;
        this.maxSize = maxSize;
    }

    /** @return the name used in JSON and YOLO files */
    @JsonValue
    public String label() {
        return label;
    }

    /** @return smallest longer box side, pixels */
    public int minSize() {
        return minSize;
    }

    /** @return largest longer box side, pixels */
    public int maxSize() {
        return maxSize;
    }
}
