/**
 * The defect pipeline's anomaly path: an {@link io.loupe.pipelines.defect.anomaly.AnomalyScorer} scores a part
 * against what good parts look like (score + heat map), and {@link io.loupe.pipelines.defect.anomaly.Teach} fits its
 * threshold — and, for the classical scorers shipped here, its statistics — from good parts only, writing an
 * {@link io.loupe.pipelines.defect.anomaly.AnomalyFile} the pipeline loads.
 *
 * <p>Scorers: {@link io.loupe.pipelines.defect.anomaly.TemplateScorer} (golden template: per-pixel mean and spread of
 * aligned good parts, the way PCB AOI compares a board with its reference), {@link
 * io.loupe.pipelines.defect.anomaly.PatchScorer} (PatchCore-style nearest neighbour over classical colour and texture
 * patch features, for parts that are not aligned), and {@link io.loupe.pipelines.defect.anomaly.ModelAnomalyScorer}
 * (an anomalib ONNX export run by the models module; teach fits its threshold only).
 */
package io.loupe.pipelines.defect.anomaly;
