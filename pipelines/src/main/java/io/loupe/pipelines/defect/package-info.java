/**
 * Defect detection on a production line (issue 6): one verdict per part, in time to reject it, and a record to audit.
 *
 * <p>{@link io.loupe.pipelines.defect.DefectPipelineFactory} builds a {@link io.loupe.pipelines.defect.DefectPipeline}
 * from {@link io.loupe.pipelines.defect.DefectSettings}: {@link io.loupe.pipelines.defect.PartStage} finds the parts to
 * judge (every frame, an external trigger, or presence tracking on a conveyor),
 * {@link io.loupe.pipelines.defect.InspectStage} runs the supervised detector and/or the anomaly scorer inside the ROI,
 * and {@link io.loupe.pipelines.defect.VerdictStage} applies {@link io.loupe.pipelines.defect.DefectRules} through
 * {@link io.loupe.pipelines.defect.DefectJudge} into one {@link io.loupe.pipelines.defect.DefectResult} per part (OK, NG
 * or UNKNOWN; on time or late). Sub-packages: {@code part} (triggers, presence, tracking), {@code anomaly} (scorers and
 * teach-in), {@code stats} (yield and Pareto per shift), {@code ngimage} (NG images with retention).
 */
package io.loupe.pipelines.defect;
