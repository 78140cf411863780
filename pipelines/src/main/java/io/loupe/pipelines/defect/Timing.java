package io.loupe.pipelines.defect;

/** Whether a part's result met its deadline. A late result is still published: late is said, never silent. */
public enum Timing {
    /** Published within the deadline after the trigger (or after the frame the part was judged in). */
    ON_TIME,
    /** Published after the deadline, or no frame reached the part at all. */
    LATE
}
