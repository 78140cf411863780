package io.loupe.pipelines;

/**
 * The recent latency of one {@link Phase} of a pipeline, per frame (per result for {@link Phase#PUBLISH}).
 *
 * @param phase   the phase
 * @param count how many values were ever recorded (0: the phase did not run yet, the percentiles are NaN)
 * @param p50Ms median over the recent window, milliseconds
 * @param p99Ms 99th percentile over the same, milliseconds
 */
public record PhaseLatency(Phase phase, long count, double p50Ms, double p99Ms) {
}
