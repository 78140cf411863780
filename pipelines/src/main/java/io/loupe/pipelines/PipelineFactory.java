package io.loupe.pipelines;

import io.loupe.models.Model;
import java.util.Set;

/**
 * Builds the stage chain of one pipeline type ({@code defect}, {@code pest}, {@code gait}). Adding a pipeline type
 * means adding one factory to the {@link PipelineRegistry}.
 *
 * @param <S> the type's settings record
 */
public interface PipelineFactory<S extends PipelineSettings> {

    /** The {@code type} key in the configuration. */
    String type();

    /** The settings record this type reads from its configuration block. */
    Class<S> settingsType();

    /** Settings used when the configuration gives none. */
    S defaultSettings();

    /**
     * The ids of models the settings name beyond the pipeline's own {@code model} (e.g. a person detector in front of a
     * pose model): the appliance checks they are configured and loads them, and the pipeline finds them in
     * {@link PipelineContext#models()}.
     */
    default Set<String> extraModels(S settings) {
        return Set.of();
    }

    /**
     * Checks that the settings fit the models (their kind of result, their labels) without building, opening or writing
     * anything: {@code loupe validate} runs it once the models load, so that a label the model does not have is
     * reported before the appliance starts, and {@link #create} fails on the same mistakes. Nothing to check by
     * default.
     *
     * @param model  the pipeline's own model; null for a type that may run without one
     * @param models the loaded models of {@link #extraModels}; one that is not there (not fetched yet, failed to load)
     *               is passed over
     * @throws IllegalArgumentException when they do not fit; the message names the value and the fix, not the
     *                                  pipeline, which the caller names
     */
    default void checkModels(Model model, S settings, ModelCatalog models) {
    }

    /**
     * Builds the chain alone; called once at start-up. Types with triggers, statistics or writers of their own give
     * those only through {@link #create}.
     *
     * @throws IllegalArgumentException when the settings do not fit the model (e.g. a per-class score for a label the
     *                                  model does not have); the message names the value and the fix, not the pipeline,
     *                                  which the caller names
     */
    StageChain build(String pipelineId, Model model, S settings);

    /**
     * Builds the whole pipeline: the chain and whatever else the type brings (triggers, statistics, writers). The
     * appliance calls this; by default it is {@link #build} alone.
     *
     * @throws IllegalArgumentException as {@link #build}, and when a file the settings name (e.g. a taught anomaly
     *                                  model) cannot be read; the message names the file and the fix, not the pipeline
     */
    default Pipeline create(PipelineContext context, Model model, S settings) {
        return Pipeline.of(build(context.pipelineId(), model, settings), context.phases());
    }
}
