package io.loupe.pipelines.defect;

/** Which parts a result asks the line to reject ({@code reject: true}, published on its own topic by the appliance). */
public enum RejectPolicy {
    /** Never: the result only reports. */
    NONE,
    /** NG parts. */
    NG,
    /** NG parts and parts that could not be judged (fail-safe lines). */
    NG_AND_UNKNOWN;

    /** Whether a part with this verdict is to be rejected. */
    public boolean rejects(Verdict verdict) {
        return switch (this) {
            case NONE -> false;
            case NG -> verdict == Verdict.NG;
            case NG_AND_UNKNOWN -> verdict != Verdict.OK;
        };
    }
}
