/**
 * Benchmarks of the ingest path, run by hand or by the appliance's {@code bench} command (printed figures, never
 * timing assertions in tests): {@link io.loupe.camera.bench.DecodeBench}, and the H.264 clip writer
 * {@link io.loupe.camera.bench.BenchClip} it and the tests use.
 */
package io.loupe.camera.bench;
