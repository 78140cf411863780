package io.loupe.pipelines;

/**
 * One step of a pipeline, e.g. {@code defect/detect@v1}. Stages run on their pipeline's worker thread only, so they may
 * keep reusable buffers; they need not be thread-safe.
 *
 * @param <I> what the stage takes
 * @param <O> what it produces
 */
public interface Stage<I, O> extends AutoCloseable {

    /** Versioned id, {@code domain/name@vN}; shown in logs and errors. */
    String id();

    /** Runtime type of the input, checked against the previous stage's output when the pipeline is built. */
    Class<I> inputType();

    /** Runtime type of the output. */
    Class<O> outputType();

    /**
     * Processes one input.
     *
     * @throws StageException when this input cannot be processed; the worker counts it, logs it (rate-limited) and goes on
     *                        with the next frame
     */
    O apply(I input) throws StageException;

    /** Releases what the stage holds. Idempotent. */
    @Override
    default void close() {
    }
}
