package io.loupe.appliance.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one benchmark run measured; printed as a table or as JSON. Medians are over the run's windows.
 *
 * @param setup    what ran on what
 * @param baseline the bare {@code OrtSession.run} loop
 * @param single   the pipeline as fast as it goes, one camera
 * @param multi    the same with K cameras on the one model, or null with {@code --cameras 1}
 * @param paced    one camera at the clip's own rate: latency, startup, memory over time
 */
public record BenchReport(Setup setup, Baseline baseline, Throughput single, Throughput multi, Paced paced) {

    /**
     * @param model    model file
     * @param video    video file
     * @param pipeline pipeline type and mode as benchmarked
     * @param provider execution provider the appliance chose
     * @param input    model input, width x height
     * @param cpu      processor model
     * @param cores    available processors
     * @param onnxruntime ONNX Runtime version
     * @param windowFrames frames per window
     * @param windows  windows (and baseline rounds) per phase
     */
    public record Setup(String model, String video, String pipeline, String provider, String input, String cpu,
                        int cores, String onnxruntime, int windowFrames, int windows) {
    }

    /** Model-only throughput: per round, and the median. */
    public record Baseline(List<Double> fps, double medianFps, double medianMs) {
    }

    /**
     * @param cameras       cameras (and pipelines) sharing the model
     * @param fps           total frames per second per window
     * @param medianFps     median of {@code fps}
     * @param ratioToModel  {@code medianFps} over the baseline's median
     * @param perCameraFps  each camera's median fps
     * @param fairness      slowest camera over fastest, 1.0 = perfectly even
     * @param modelShare    frames the model ran on over frames processed (below 1 when a pipeline skips frames)
     * @param phases        per-phase latency, medians over windows
     * @param allocationBytesPerFrame bytes allocated per processed frame by thread group, medians over windows
     * @param gc            pauses during the windows
     */
    public record Throughput(int cameras, List<Double> fps, double medianFps, double ratioToModel,
                             List<Double> perCameraFps, double fairness, double modelShare, List<PhaseRow> phases,
                             Map<String, Double> allocationBytesPerFrame, Gc gc) {
    }

    /**
     * @param capFps           the per-camera cap (0: the clip's own rate)
     * @param fps              frames processed per second
     * @param startupMs        from starting the appliance (broker, model, camera, pipeline) to its first result
     * @param results          results the probe received
     * @param resultP50Ms      median of frame capture → result handed to the sinks (inside the appliance)
     * @param resultP99Ms      99th percentile of the same
     * @param e2eP50Ms         median of frame capture → result received by an MQTT subscriber
     * @param e2eP99Ms         99th percentile of the same
     * @param e2eMinusInferenceP99Ms {@code e2eP99Ms} minus the inference p99 (the appliance's own share at the tail)
     * @param phases           per-phase latency over the paced run
     * @param memory           samples over the run
     * @param rssGrowthMbPerMin least-squares slope of RSS over the samples after the first minute (or all of them)
     * @param liveHeapStartMb  heap in use right after a full GC once warmed up, MiB: the live set
     * @param liveHeapEndMb    the same at the end of the run; more than the start means something is kept
     * @param gc               pauses during the run (the two full GCs for the live set are not counted)
     */
    public record Paced(double capFps, double fps, double startupMs, long results, double resultP50Ms,
                        double resultP99Ms, double e2eP50Ms, double e2eP99Ms,
                        double e2eMinusInferenceP99Ms, List<PhaseRow> phases, List<MemorySample> memory,
                        double rssGrowthMbPerMin, double liveHeapStartMb, double liveHeapEndMb, Gc gc) {
    }

    /** One phase: how many values were recorded and the median p50/p99 in milliseconds. */
    public record PhaseRow(String phase, long count, double p50Ms, double p99Ms) {
    }

    /** GC pauses: count, total, median and largest, milliseconds. */
    public record Gc(int pauses, double totalMs, double p50Ms, double maxMs) {
    }

    /** Memory at one moment: seconds into the run, heap in use, RSS and its peak, in MiB. */
    public record MemorySample(double atSeconds, double heapMb, double rssMb, double peakRssMb) {
    }
}
