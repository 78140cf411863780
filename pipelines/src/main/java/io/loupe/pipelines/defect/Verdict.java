package io.loupe.pipelines.defect;

/** The judgement of one inspected part or frame. */
public enum Verdict {
    /** No defect that the rules count. */
    OK,
    /** At least one counted defect beyond what the rules allow. */
    NG
}
