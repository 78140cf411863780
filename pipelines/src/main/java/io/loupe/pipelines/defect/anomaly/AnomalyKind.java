package io.loupe.pipelines.defect.anomaly;

/** The kinds of anomaly scorer a taught file can hold. */
public enum AnomalyKind {
    /** {@link TemplateScorer}: golden template, per-pixel mean and spread of aligned good parts. */
    TEMPLATE,
    /** {@link PatchScorer}: nearest neighbour over classical patch features of good parts. */
    PATCHES,
    /** {@link ModelAnomalyScorer}: an anomalib ONNX export; the file holds its threshold only. */
    MODEL
}
