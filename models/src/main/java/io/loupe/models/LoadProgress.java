package io.loupe.models;

/**
 * Receives progress while a model loads, for the web page and logs: session creation, a TensorRT engine build (with
 * a heartbeat while it runs), the warm-up. Called on the loading thread, and on the engine monitor's thread during a
 * build; it must be quick and thread-safe, and must not throw.
 */
@FunctionalInterface
public interface LoadProgress {

    /** Does nothing (everything is logged anyway). */
    LoadProgress NONE = (modelId, message) -> { };

    /**
     * @param modelId the model's configuration id
     * @param message what is happening, e.g. {@code building TensorRT engine (first start on this GPU): still
     *     working after 30 s}
     */
    void report(String modelId, String message);
}
