package io.loupe.samples.defect.truth;

/** A part's verdict: NG when it carries at least one defect. */
public enum Verdict {
    OK,
    NG
}
