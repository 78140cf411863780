package io.loupe.pipelines;

import io.loupe.camera.Frame;

import java.util.List;

/**
 * Stages composed in order, from a {@link Frame} to a {@link PipelineResult} (one per frame) or a {@link ResultBatch}
 * (none or several per frame). The types are checked when the chain is built, so a mis-wired pipeline fails at
 * start-up, not on its first frame.
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
     *                                  {@link PipelineResult} or {@link ResultBatch}, or one stage's output does not fit
     *                                  the next one's input
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
        if (!PipelineResult.class.isAssignableFrom(flowing) && !ResultBatch.class.isAssignableFrom(flowing)) {
            throw new IllegalArgumentException("the last stage, " + from + ", gives " + flowing.getSimpleName()
                    + ", not a PipelineResult or ResultBatch: end the pipeline with a stage that produces results");
        }
        return new StageChain(stages);
    }

    /**
     * Runs every stage on one frame.
     *
     * @return the frame's results in order: one for a chain ending in a {@link PipelineResult}, none or several for
     *         one ending in a {@link ResultBatch}
     * @throws StageException as the failing stage's {@link Stage#apply}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public List<? extends PipelineResult> run(Frame frame) throws StageException {
        Object value = frame;
        for (int i = 0; i < stages.size(); i++) { // indexed: no iterator per frame
            value = ((Stage) stages.get(i)).apply(value);
        }
        if (value instanceof ResultBatch batch) {
            return batch.results();
        }
        return value == null ? List.of() : List.of((PipelineResult) value);
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
