package io.loupe.pipelines.defect;

/** How parts differ from the belt under them, for presence detection. */
public enum Polarity {
    /** Parts are brighter than the belt (bright metal or plastic on a dark belt). */
    BRIGHTER,
    /** Parts are darker than the belt. */
    DARKER
}
