package io.loupe.appliance;

import io.loupe.pipelines.DomainStats;
import io.loupe.pipelines.PhaseLatency;
import io.loupe.pipelines.PipelineStats;

import java.util.List;

/**
 * One configured pipeline as the page and API show it.
 *
 * @param id           pipeline id
 * @param type         pipeline type
 * @param camera       camera id
 * @param model        model id
 * @param state        worker state, or {@code FAILED} when it could not be built
 * @param error        why it is not running (or its last frame error), or null
 * @param stages       stage ids in order
 * @param processed    frames processed
 * @param errors       frames that failed
 * @param received     frames offered by its camera
 * @param dropped      frames its mailbox dropped
 * @param fps          frames processed per second, recent
 * @param latencyP50Ms median capture-to-result latency
 * @param latencyP99Ms 99th percentile of the same
 * @param phases       where the time goes: per-phase p50/p99 (decode, pre-process, inference, …); phases that did
 *                     not run yet are left out
 * @param domain       the pipeline type's own statistics (defect: parts, yield, Pareto per shift), or null
 * @param lastResult   the newest result as published over MQTT, or null
 */
public record PipelineView(String id, String type, String camera, String model, String state, String error,
                           List<String> stages, long processed, long errors, long received, long dropped, double fps,
                           double latencyP50Ms, double latencyP99Ms, List<PhaseLatency> phases, DomainStats domain,
                           Object lastResult) {

    static PipelineView of(PipelineStats s, DomainStats domain, Object lastPayload) {
        return new PipelineView(s.id(), s.type(), s.camera(), s.model(), s.state().name(), s.lastError(), s.stages(),
                s.processed(), s.errors(), s.received(), s.dropped(), s.fps(), nanToZero(s.latencyP50Ms()),
                nanToZero(s.latencyP99Ms()), s.phases().stream().filter(p -> p.count() > 0).toList(), domain,
                lastPayload);
    }

    static PipelineView failed(String id, String type, String camera, String model, String error) {
        return new PipelineView(id, type, camera, model, "FAILED", error, List.of(), 0, 0, 0, 0, 0, 0, 0, List.of(),
                null, null);
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
