package io.loupe.appliance.bench;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.loupe.appliance.Appliance;
import io.loupe.appliance.ApplianceException;
import io.loupe.appliance.config.AppliancePlan;
import io.loupe.appliance.config.ConfigException;
import io.loupe.camera.CameraStatus;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ModelInfo;
import io.loupe.models.ModelSpec;
import io.loupe.pipelines.Phase;
import io.loupe.pipelines.PhaseLatency;
import io.loupe.pipelines.PipelineStats;
import io.loupe.pipelines.PipelineWorker;
import io.loupe.pipelines.WorkerState;
import org.eclipse.paho.mqttv5.common.MqttException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the benchmark's phases in one process: baseline rounds, the pipeline unpaced on 1 and K cameras, baseline rounds
 * again (so that drift of a shared machine shows in both), then one paced camera for latency, startup and memory.
 */
public final class ApplianceBench {
    private static final long POLL_MILLIS = 5;
    private static final long STALL_MILLIS = 60_000;
    /** Opening tries after which a camera that never gave a frame is taken not to give one. */
    private static final int FIRST_FRAME_TRIES = 3;
    private static final int DEFAULT_PACED_SECONDS = 20;

    private final BenchOptions options;
    private final PrintStream log;
    private final ProcessProbe process = new ProcessProbe();

    private ApplianceBench(BenchOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /**
     * Runs the benchmark; progress goes to {@code log}.
     *
     * @throws ConfigException    when the configuration (or the one derived for the benchmark) has problems
     * @throws BenchException     when the model does not load, the appliance does not start, or no frames flow
     */
    public static BenchReport run(BenchOptions options, PrintStream log)
            throws ConfigException, BenchException, IOException {
        Path scratch = Files.createTempDirectory("loupe-bench-");
        ApplianceBench bench = new ApplianceBench(options, log);
        try {
            return bench.runIn(scratch);
        } finally {
            bench.process.close();
            deleteTree(scratch);
        }
    }

    private BenchReport runIn(Path scratch) throws ConfigException, BenchException, IOException {
        BenchPlans plans = BenchPlans.of(options, scratch);
        AppliancePlan single = plans.plan(1, false, 0);
        ModelSpec spec = single.models().get(0);
        ModelInfo info = modelInfo(spec);
        List<Double> rounds = new ArrayList<>();
        baseline(spec, info, rounds);
        BenchReport.Throughput one = throughput(single, 1);
        BenchReport.Throughput many = options.cameras() > 1
                ? throughput(plans.plan(options.cameras(), false, 0), options.cameras()) : null;
        baseline(spec, info, rounds);
        double modelFps = Stats.median(rounds);
        one = withRatio(one, modelFps);
        many = many == null ? null : withRatio(many, modelFps);
        double cap = Math.floor(one.medianFps() * 0.7);
        BenchReport.Paced paced = paced(plans.plan(1, true, cap), cap);
        String video = single.cameras().get(0).url().toString();
        BenchReport.Setup setup = new BenchReport.Setup(spec.path().toString(), video,
                single.pipelines().get(0).factory().type() + " (" + plans.pipelineId() + ")",
                info.provider().toString(), info.inputWidth() + "x" + info.inputHeight(), cpuModel(),
                Runtime.getRuntime().availableProcessors(), OrtEnvironment.getEnvironment().getVersion(),
                options.frames(), options.repeats());
        return new BenchReport(setup, new BenchReport.Baseline(rounds, modelFps, 1000 / modelFps), one, many, paced);
    }

    private static ModelInfo modelInfo(ModelSpec spec) throws BenchException {
        try (Model model = Model.load(spec)) {
            return model.info();
        } catch (ModelException e) {
            throw new BenchException("model " + spec.path() + " does not load: " + e.getMessage(), e);
        }
    }

    /** Adds {@code repeats} rounds of {@code frames} bare runs to {@code rounds}, as frames per second. */
    private void baseline(ModelSpec spec, ModelInfo info, List<Double> rounds) throws BenchException {
        log.printf("bench: baseline, bare OrtSession.run on %dx%d, %d rounds of %d runs%n", info.inputWidth(),
                info.inputHeight(), options.repeats(), options.frames());
        try (BareSession bare = BareSession.open(spec, info.inputWidth(), info.inputHeight())) {
            bare.meanMillis(Math.max(5, options.frames() / 10));
            for (int r = 0; r < options.repeats(); r++) {
                rounds.add(1000 / bare.meanMillis(options.frames()));
            }
        } catch (OrtException | ModelException e) {
            throw new BenchException("bare ONNX Runtime session on " + spec.path() + " failed: " + e.getMessage(), e);
        }
    }

    /** The pipeline unpaced; its ratio to the model is set later ({@link #withRatio}), once the baseline is done. */
    private BenchReport.Throughput throughput(AppliancePlan plan, int cameras) throws BenchException {
        log.printf("bench: pipeline unpaced, %d camera(s), %d windows of %d frames per camera%n", cameras,
                options.repeats(), options.frames());
        try (Appliance appliance = start(plan)) {
            List<PipelineWorker> workers = new ArrayList<>(appliance.workers().values());
            awaitFrames(appliance, workers, Math.max(20, options.frames() / 5) * (long) cameras);
            process.drainPauses();
            List<Double> fps = new ArrayList<>();
            List<List<Double>> perCamera = new ArrayList<>();
            workers.forEach(w -> perCamera.add(new ArrayList<>()));
            Map<String, List<Double>> alloc = new TreeMap<>();
            Map<Phase, List<double[]>> phases = new LinkedHashMap<>();
            List<Double> shares = new ArrayList<>();
            for (int r = 0; r < options.repeats(); r++) {
                long[] before = processed(workers);
                long inferBefore = inferences(workers);
                Map<String, Long> allocBefore = process.allocatedByGroup();
                long t0 = System.nanoTime();
                awaitFrames(appliance, workers, sum(before) + (long) options.frames() * cameras);
                double seconds = (System.nanoTime() - t0) / 1e9;
                Map<String, Long> allocAfter = process.allocatedByGroup();
                long[] after = processed(workers);
                long frames = sum(after) - sum(before);
                fps.add(frames / seconds);
                for (int i = 0; i < workers.size(); i++) {
                    perCamera.get(i).add((after[i] - before[i]) / seconds);
                }
                shares.add((double) (inferences(workers) - inferBefore) / frames);
                allocAfter.forEach((group, bytes) -> alloc.computeIfAbsent(group, g -> new ArrayList<>())
                        .add((double) (bytes - allocBefore.getOrDefault(group, 0L)) / frames));
                collectPhases(workers, phases);
            }
            List<Double> cams = perCamera.stream().map(Stats::median).toList();
            double fairness = cams.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)
                    / cams.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            Map<String, Double> allocMedians = new LinkedHashMap<>();
            alloc.forEach((group, values) -> allocMedians.put(group, Stats.median(values)));
            double median = Stats.median(fps);
            return new BenchReport.Throughput(cameras, fps, median, Double.NaN, cams, fairness,
                    Stats.median(shares), rows(phases), allocMedians, gc(process.drainPauses()));
        }
    }

    private BenchReport.Paced paced(AppliancePlan plan, double cap) throws BenchException {
        int seconds = options.soakSeconds() > 0 ? options.soakSeconds() : DEFAULT_PACED_SECONDS;
        log.printf("bench: one camera paced at the clip's rate (cap %.0f fps) for %d s: latency, startup, memory%n",
                cap, seconds);
        long t0 = System.nanoTime();
        try (Appliance appliance = start(plan)) {
            List<PipelineWorker> workers = new ArrayList<>(appliance.workers().values());
            try (ResultProbe probe = connect(appliance)) {
                double startupMs = awaitFirstResult(appliance, workers, t0);
                long warmUntil = System.nanoTime() + 2_000_000_000L;
                sleepUntil(warmUntil);
                double liveStart = ProcessProbe.liveHeapMb();
                probe.drain();
                process.drainPauses();
                long start = System.nanoTime();
                long before = sum(processed(workers));
                Map<Phase, List<double[]>> phases = new LinkedHashMap<>();
                List<BenchReport.MemorySample> memory = new ArrayList<>();
                long every = Math.min(10_000_000_000L, seconds * 100_000_000L);
                long end = start + seconds * 1_000_000_000L;
                for (long next = start; next <= end; next += every) {
                    sleepUntil(next);
                    memory.add(new BenchReport.MemorySample((System.nanoTime() - start) / 1e9,
                            ProcessProbe.heapMiB(), ProcessProbe.procStatusMiB("VmRSS"),
                            ProcessProbe.procStatusMiB("VmHWM")));
                    checkAlive(appliance, workers);
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                double fps = (sum(processed(workers)) - before) / elapsed;
                collectPhases(workers, phases);
                List<BenchReport.PhaseRow> rows = rows(phases);
                List<Double> e2e = probe.drain();
                double p99 = Stats.percentile(e2e, 99);
                double inferenceP99 = rows.stream().filter(r -> r.phase().equals(Phase.INFERENCE.label()))
                        .mapToDouble(BenchReport.PhaseRow::p99Ms).findFirst().orElse(Double.NaN);
                BenchReport.Gc gc = gc(process.drainPauses());
                PipelineStats worker = workers.get(0).stats();
                return new BenchReport.Paced(cap, fps, startupMs, probe.received(), worker.latencyP50Ms(),
                        worker.latencyP99Ms(), Stats.percentile(e2e, 50), p99,
                        p99 - inferenceP99, rows, memory, rssSlope(memory), liveStart, ProcessProbe.liveHeapMb(), gc);
            }
        }
    }

    /** Starts the appliance; fails when any of its pipelines did not start (naming why), so nothing waits in vain. */
    private static Appliance start(AppliancePlan plan) throws BenchException {
        Appliance appliance;
        try {
            appliance = Appliance.start(plan, Clock.systemUTC());
        } catch (ApplianceException e) {
            throw new BenchException("the appliance did not start: " + e.getMessage(), e);
        }
        if (appliance.workers().size() < plan.pipelines().size()) {
            String why = appliance.status().pipelines().stream().filter(p -> p.error() != null)
                    .map(p -> p.id() + ": " + p.error()).findFirst().orElse("see the log");
            appliance.close();
            throw new BenchException("a pipeline did not start (" + why + ")");
        }
        return appliance;
    }

    private static ResultProbe connect(Appliance appliance) throws BenchException {
        try {
            return ResultProbe.connect(appliance.brokerUrl());
        } catch (MqttException e) {
            throw new BenchException("cannot subscribe to results on " + appliance.brokerUrl() + ": " + e, e);
        }
    }

    /** Waits until the workers processed {@code target} frames in all; fails when none flow for a minute. */
    private static void awaitFrames(Appliance appliance, List<PipelineWorker> workers, long target)
            throws BenchException {
        long last = -1;
        long lastChange = System.nanoTime();
        for (long done = sum(processed(workers)); done < target; done = sum(processed(workers))) {
            if (done != last) {
                last = done;
                lastChange = System.nanoTime();
            } else if ((System.nanoTime() - lastChange) / 1_000_000 > STALL_MILLIS) {
                throw new BenchException("no frame processed for " + STALL_MILLIS / 1000 + " s (" + done + " of "
                        + target + "): " + cameras(appliance) + "; check the camera and the model");
            }
            checkAlive(appliance, workers);
            sleepUntil(System.nanoTime() + POLL_MILLIS * 1_000_000);
        }
    }

    private static double awaitFirstResult(Appliance appliance, List<PipelineWorker> workers, long t0)
            throws BenchException {
        long deadline = t0 + STALL_MILLIS * 1_000_000;
        while (workers.stream().allMatch(w -> w.stats().lastResult() == null)) {
            if (System.nanoTime() > deadline) {
                throw new BenchException("no result within " + STALL_MILLIS / 1000 + " s of starting: "
                        + appliance.status().cameras());
            }
            checkAlive(appliance, workers);
            sleepUntil(System.nanoTime() + POLL_MILLIS * 1_000_000);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /**
     * Fails when a pipeline stopped, or a camera has not given its first frame after {@value #FIRST_FRAME_TRIES}
     * tries to open its source (a clip that is not there or not a video): that camera will not give one.
     */
    private static void checkAlive(Appliance appliance, List<PipelineWorker> workers) throws BenchException {
        for (PipelineWorker w : workers) {
            WorkerState s = w.state();
            if (s == WorkerState.ENDED || s == WorkerState.STOPPED) {
                throw new BenchException("pipeline " + w.id() + " is " + s + " (" + w.stats().lastError() + "): "
                        + cameras(appliance));
            }
        }
        for (CameraStatus c : appliance.status().cameras()) {
            if (c.frames() == 0 && c.reconnects() >= FIRST_FRAME_TRIES) {
                throw new BenchException("camera " + c.id() + " gave no frame in " + c.reconnects() + " tries: "
                        + c.reason());
            }
        }
    }

    /** Each camera's id, state, frames and reason, for a message. */
    private static String cameras(Appliance appliance) {
        return appliance.status().cameras().stream().map(c -> c.id() + " " + c.state() + ", " + c.frames()
                + " frames" + (c.reason() == null ? "" : ": " + c.reason())).collect(Collectors.joining("; "));
    }

    private static long[] processed(List<PipelineWorker> workers) {
        long[] out = new long[workers.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = workers.get(i).processed();
        }
        return out;
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    private static long inferences(List<PipelineWorker> workers) {
        return workers.stream().flatMap(w -> w.stats().phases().stream())
                .filter(p -> p.phase() == Phase.INFERENCE).mapToLong(PhaseLatency::count).sum();
    }

    /** Adds each worker's current p50/p99 per phase to {@code into}. */
    private static void collectPhases(List<PipelineWorker> workers, Map<Phase, List<double[]>> into) {
        for (PipelineWorker w : workers) {
            for (PhaseLatency p : w.stats().phases()) {
                if (p.count() > 0) {
                    into.computeIfAbsent(p.phase(), k -> new ArrayList<>()).add(new double[] {p.count(), p.p50Ms(),
                            p.p99Ms()});
                }
            }
        }
    }

    private static List<BenchReport.PhaseRow> rows(Map<Phase, List<double[]>> phases) {
        List<BenchReport.PhaseRow> rows = new ArrayList<>();
        phases.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> rows.add(new BenchReport.PhaseRow(
                e.getKey().label(), (long) e.getValue().stream().mapToDouble(v -> v[0]).max().orElse(0),
                Stats.median(e.getValue().stream().map(v -> v[1]).toList()),
                Stats.median(e.getValue().stream().map(v -> v[2]).toList()))));
        return rows;
    }

    private static BenchReport.Gc gc(List<Double> pauses) {
        return new BenchReport.Gc(pauses.size(), pauses.stream().mapToDouble(Double::doubleValue).sum(),
                Stats.median(pauses), pauses.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    /** MiB per minute, from the samples after the first minute when there are at least three of them. */
    private static double rssSlope(List<BenchReport.MemorySample> memory) {
        List<BenchReport.MemorySample> late = memory.stream().filter(m -> m.atSeconds() >= 60).toList();
        List<BenchReport.MemorySample> use = late.size() >= 3 ? late : memory;
        double[] x = use.stream().mapToDouble(m -> m.atSeconds() / 60).toArray();
        double[] y = use.stream().mapToDouble(BenchReport.MemorySample::rssMb).toArray();
        return Stats.slope(x, y);
    }

    private static BenchReport.Throughput withRatio(BenchReport.Throughput t, double modelFps) {
        return new BenchReport.Throughput(t.cameras(), t.fps(), t.medianFps(), t.medianFps() / modelFps,
                t.perCameraFps(), t.fairness(), t.modelShare(), t.phases(), t.allocationBytesPerFrame(), t.gc());
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch folder under the temp directory; leaving it behind is harmless
        }
    }
}
