package io.loupe.pipelines;

/** Marker for the typed settings of one pipeline type (e.g. {@link io.loupe.pipelines.defect.DefectRules}). */
public interface PipelineSettings {
}
