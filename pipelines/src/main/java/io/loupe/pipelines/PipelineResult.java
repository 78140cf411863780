package io.loupe.pipelines;

import java.time.Instant;

/**
 * What one pipeline concluded from one frame (a part verdict, a trap capture, a gait bout). Implementations are
 * immutable records that hold no pixels, so they can outlive the frame they came from.
 */
public interface PipelineResult {

    /** Payload schema with version, e.g. {@code loupe.defect.result/1}. */
    String schema();

    /** The frame this result came from. */
    FrameRef frame();

    /** Per-pipeline sequence number, assigned by the worker; 0 until then. */
    long seq();

    /** Copy of this result with its sequence number and timestamp set (by the worker, once). */
    PipelineResult sequenced(long seq, Instant ts, double latencyMs);
}
