package io.loupe.pipelines;

import io.loupe.camera.Frame;

/**
 * Receives every result of a pipeline (MQTT outbox, live view, event store). Called on the pipeline's worker thread.
 *
 * <p>Contract: must never block the worker (hand slow work to a bounded queue of its own) and must not throw; a sink that
 * throws is logged and counted by the worker, and the other sinks still get the result.
 */
public interface ResultSink {

    /**
     * @param pipeline the pipeline's id
     * @param result   the sequenced result
     * @param frame    the frame it came from, valid only during this call (copy what you keep; do not release it); null
     *                 when the result came from no frame ({@code result.frame().present()} is false), e.g. a triggered
     *                 part that no frame reached before its deadline
     */
    void accept(String pipeline, PipelineResult result, Frame frame);
}
