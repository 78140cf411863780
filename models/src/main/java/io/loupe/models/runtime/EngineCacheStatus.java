package io.loupe.models.runtime;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What happened to a model's TensorRT engines at load.
 *
 * @param folder the engine cache folder of the model's {@link EngineCacheKey}
 * @param reused true when engines were already there and no new one was written (a warm start)
 * @param enginesBefore engine files in the folder before the load
 * @param enginesAfter engine files after the load (with its warm-up inference)
 * @param took session creation plus warm-up, where engines are built or loaded
 */
public record EngineCacheStatus(Path folder, boolean reused, int enginesBefore, int enginesAfter, Duration took) {
}
