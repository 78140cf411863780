package io.loupe.pipelines;

import java.time.Instant;

/**
 * What one pipeline concluded (a part verdict, a trap capture, a gait bout). Implementations are immutable records that
 * hold no pixels, so they can outlive the frame they came from.
 */
public interface PipelineResult {

    /** Payload schema with version, e.g. {@code loupe.defect.result/1}. */
    String schema();

    /** The frame this result came from; {@link FrameRef#none} when it came from no frame (a part that no frame reached). */
    FrameRef frame();

    /** Per-pipeline sequence number, assigned by the worker; 0 until then. */
    long seq();

    /** Copy of this result with its sequence number and timestamp set (by the worker, once). */
    PipelineResult sequenced(long seq, Instant ts, double latencyMs);

    /**
     * Where the latency of this result is measured from: by default the frame's capture time; for a triggered part,
     * the trigger's time, so that a deadline "after the trigger" is what is measured.
     */
    default Instant since() {
        return frame().capturedAt();
    }
}
