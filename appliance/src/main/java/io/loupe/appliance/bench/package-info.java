/**
 * {@code loupe bench}: the appliance's own benchmark. In one process and one run it measures a bare
 * {@code OrtSession.run} loop on the model (the baseline), then the whole appliance on a video as fast as it can go
 * (1 and K cameras), then at the video's own rate for latency, and prints medians: throughput and its ratio to the
 * baseline, per-phase latency, end-to-end latency to MQTT delivery, heap, RSS, allocation per frame and GC pauses. It
 * asserts nothing; targets and results live in PERFORMANCE.md.
 */
package io.loupe.appliance.bench;
