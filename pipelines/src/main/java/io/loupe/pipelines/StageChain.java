package io.loupe.pipelines;

import io.loupe.camera.Frame;

import java.util.List;

/**
 * Stages composed in order, from a {@link Frame} to a {@link PipelineResult}. The types are checked when the chain is
 * built, so a mis-wired pipeline fails at start-up, not on its first frame.
 */
public final class StageChain implements AutoCloseable {
    private final List<Stage<?, ?>> stages;

    private StageChain(List<Stage<?, ?>> stages) {
        this.stages = List.copyOf(stages);
    }

    /**
     * Builds a chain.
     *
     * @throws IllegalArgumentException when the chain is empty, does not start from {@link Frame}, does not end in a
     *                                  {@link PipelineResult}, or one stage's output does not fit the next one's input
     */
    public static StageChain of(List<Stage<?, ?>> stages) {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a pipeline needs at least one stage");
        }
        Class<?> flowing = Frame.class;
        String from = "the camera";
        for (Stage<?, ?> stage : stages) {
            if (!stage.inputType().isAssignableFrom(flowing)) {
                throw new IllegalArgumentException("stage " + stage.id() + " takes " + stage.inputType().getSimpleName()
                        + " but " + from + " gives " + flowing.getSimpleName() + ": reorder the stages or add one that converts");
            }
            flowing = stage.outputType();
            from = "stage " + stage.id();
        }
        if (!PipelineResult.class.isAssignableFrom(flowing)) {
            throw new IllegalArgumentException("the last stage, " + from + ", gives " + flowing.getSimpleName()
                    + ", not a PipelineResult: end the pipeline with a stage that produces a result");
        }
        return new StageChain(stages);
    }

    /** Runs every stage on one frame. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public PipelineResult run(Frame frame) throws StageException {
        Object value = frame;
        for (Stage stage : stages) {
            value = stage.apply(value);
        }
        return (PipelineResult) value;
    }

    /** Stage ids in order, for logs and the status page. */
    public List<String> ids() {
        return stages.stream().map(Stage::id).toList();
    }

    @Override
    public void close() {
        for (Stage<?, ?> stage : stages) {
            stage.close();
        }
    }
}
