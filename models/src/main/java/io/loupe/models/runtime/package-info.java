/**
 * The ONNX Runtime process around the models: {@link io.loupe.models.runtime.OrtRuntime} loads the native libraries
 * (from the jar, or from a configured folder such as a JetPack build) and holds the one environment; for TensorRT,
 * {@link io.loupe.models.runtime.EngineCacheKey} names the engine cache folder of a model from its sha256, the
 * {@link io.loupe.models.runtime.TensorRtVersion} and the {@link io.loupe.models.runtime.GpuIdentity}, and
 * {@link io.loupe.models.runtime.EngineBuildMonitor} reports a build while it runs.
 */
package io.loupe.models.runtime;
