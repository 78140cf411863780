package io.loupe.pipelines.defect.anomaly;

/** How teach turns the scores of good parts into a threshold. */
public enum ThresholdRule {
    /** {@code max(good scores) × margin}: no good part of the teach set would be flagged, with headroom. */
    MAX_TIMES_MARGIN,
    /** {@code mean + k · σ} of the good scores (population σ): for larger, noisier teach sets. */
    MEAN_PLUS_K_SIGMA
}
