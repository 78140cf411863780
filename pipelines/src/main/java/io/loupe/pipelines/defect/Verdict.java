package io.loupe.pipelines.defect;

/** The judgement of one part. */
public enum Verdict {
    /** No defect that the rules count beyond what they allow. */
    OK,
    /** More counted defects than the rules allow. */
    NG,
    /** Not judged: no frame reached the part in time, or it left the view before it was fully in view. */
    UNKNOWN
}
