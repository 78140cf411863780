package io.loupe.pipelines.defect.anomaly;

import io.loupe.models.Model;
import io.loupe.models.ResultKind;

/** Makes a fresh scorer of a kind with its default parameters, for teach-in ({@code loupe teach}). */
public final class AnomalyScorers {
    private AnomalyScorers() {
    }

    /**
     * @param model the pipeline's model; needed (and must be an anomaly model) for {@link AnomalyKind#MODEL}, ignored
     *              otherwise
     * @throws IllegalArgumentException for {@link AnomalyKind#MODEL} without an anomaly model; the message names the fix
     */
    public static AnomalyScorer create(AnomalyKind kind, Model model) {
        return switch (kind) {
            case TEMPLATE -> new TemplateScorer(TemplateScorer.Params.defaults());
            case PATCHES -> new PatchScorer(PatchScorer.Params.defaults());
            case MODEL -> {
                if (model == null || model.resultKind() != ResultKind.ANOMALY) {
                    throw new IllegalArgumentException("scorer 'model' needs an anomaly model (decoder anomalib); "
                            + (model == null ? "there is none" : "model " + model.info().id() + " gives "
                            + model.resultKind()) + ". Use scorer template or patches");
                }
                yield new ModelAnomalyScorer(model);
            }
        };
    }
}
