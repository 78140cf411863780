package io.loupe.pipelines;

/** Lifecycle of a {@link PipelineWorker}. */
public enum WorkerState {
    /** Built, not started. */
    CREATED,
    /** Taking frames. */
    RUNNING,
    /** Switched off by an operator: frames are taken and released unprocessed. */
    PAUSED,
    /** Its camera ended (a file played once) and every frame was processed. */
    ENDED,
    /** Stopped by the appliance. */
    STOPPED
}
