package io.loupe.pipelines;

import io.loupe.models.Model;

/**
 * Builds the stage chain of one pipeline type ({@code defect}, later {@code pest}, {@code gait}). Adding a pipeline type
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
     * Builds the chain; called once at start-up.
     *
     * @throws IllegalArgumentException when the settings do not fit the model (e.g. a per-class score for a label the
     *                                  model does not have); the message names the value and the fix
     */
    StageChain build(String pipelineId, Model model, S settings);
}
