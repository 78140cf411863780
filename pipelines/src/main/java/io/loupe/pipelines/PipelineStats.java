package io.loupe.pipelines;

import java.util.List;

/**
 * A snapshot of one pipeline for the status page, the API and MQTT {@code stats}.
 *
 * @param id          pipeline id
 * @param type        pipeline type ({@code defect}, …)
 * @param camera      camera id it reads
 * @param model       model id it runs
 * @param state       worker state
 * @param stages      stage ids in order
 * @param processed   frames processed
 * @param errors      frames that failed in a stage
 * @param lastError   the last stage error, or null
 * @param received    frames offered by the camera to this pipeline's mailbox
 * @param dropped     frames the mailbox dropped (policy {@code latest} or {@code queue(n)})
 * @param fps         frames processed per second, recent (a presence, trigger or gait pipeline gives far fewer results)
 * @param latencyP50Ms median latency from capture to result, recent window
 * @param latencyP99Ms 99th percentile of the same
 * @param latencyMaxMs the largest in the same window
 * @param phases      recent per-phase latencies, in {@link Phase} order
 * @param lastResult  the newest result, or null
 */
public record PipelineStats(String id, String type, String camera, String model, WorkerState state, List<String> stages,
                            long processed, long errors, String lastError, long received, long dropped, double fps,
                            double latencyP50Ms, double latencyP99Ms, double latencyMaxMs, List<PhaseLatency> phases,
                            PipelineResult lastResult) {
}
