/**
 * Command-line measurements of the model runtime, printed, never asserted: {@link io.loupe.models.bench.ModelBench}
 * (pre-processing, decode + NMS, the runner's overhead over a bare ONNX Runtime loop) and
 * {@link io.loupe.models.bench.GpuCheck} (CUDA and TensorRT against the CPU, the TensorRT engine cache, timings; run by
 * {@code models/gpu-check.sh}).
 */
package io.loupe.models.bench;
