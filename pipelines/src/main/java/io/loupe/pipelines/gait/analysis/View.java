package io.loupe.pipelines.gait.analysis;

/** How the camera sees the walk. */
public enum View {
    /** The camera looks across the walkway: the walker crosses the picture (sagittal plane in view). */
    SIDE,
    /** The camera looks along the walkway: the walker comes towards it or goes away. */
    FRONTAL
}
