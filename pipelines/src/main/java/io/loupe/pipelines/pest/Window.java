package io.loupe.pipelines.pest;

/** The span an action threshold counts arrivals over. */
public enum Window {
    /** The local calendar day. */
    DAY,
    /** The local ISO week, from Monday. */
    WEEK,
    /** Since the trap card was last changed. */
    PERIOD
}
