package io.loupe.models.bench;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import ai.onnxruntime.OrtProvider;
import io.loupe.models.Detection;
import io.loupe.models.Detections;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ModelSpec;
import io.loupe.models.Poses;
import io.loupe.models.Prediction;
import io.loupe.models.Predictor;
import io.loupe.models.Provider;
import io.loupe.models.TensorRtOptions;
import io.loupe.models.TensorRunner;
import io.loupe.models.runtime.EngineCacheStatus;
import io.loupe.models.runtime.GpuIdentity;
import io.loupe.models.runtime.OrtRuntime;
import io.loupe.models.runtime.TensorRtVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Checks the GPU providers on a machine with an NVIDIA GPU (run by {@code models/gpu-check.sh}, with the {@code -Pgpu}
 * build): that ONNX Runtime has the CUDA and TensorRT providers and that Loupe loads each model on them; that CUDA
 * (FP32) and TensorRT (FP16) outputs match the CPU's within a tolerance, as raw tensors and as detections; that the
 * TensorRT engine is built at load into its cache folder and reused, not rebuilt, on a second start; and the load and
 * run times of every provider. Prints a report; exits 0 when every check passed, 1 when one failed, 2 when the setup is
 * wrong (no GPU providers, a model that does not load on CPU).
 *
 * <p>{@code --expect-warm-cache} is for a second process on the same {@code --cache}: its first TensorRT start must
 * then load the engines the previous process built. {@code --cpu-stand-in} runs the same flow with the CPU standing in for both GPU providers (engine checks skipped),
 * to test this program where there is no GPU.
 */
public final class GpuCheck {

    private final PrintStream out;
    private final boolean standIn;
    private final int runs;
    private final double fp32Tolerance;
    private final double fp16Tolerance;
    private final Path cacheRoot;
    private final boolean warmCache;
    private int passed;
    private final List<String> failures = new ArrayList<>();

    private GpuCheck(PrintStream out, boolean standIn, int runs, double fp32Tolerance, double fp16Tolerance,
            Path cacheRoot, boolean warmCache) {
        this.out = out;
        this.warmCache = warmCache;
        this.standIn = standIn;
        this.runs = runs;
        this.fp32Tolerance = fp32Tolerance;
        this.fp16Tolerance = fp16Tolerance;
        this.cacheRoot = cacheRoot;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** One model's outputs and detections on the image, and its timings. */
    private record Measure(String provider, long loadMillis, double runMedian, List<float[]> outputs,
            List<Detection> detections, float confidence, EngineCacheStatus engines) {
    }

    /** Runs the check; returns the exit code. */
    static int run(String[] args, PrintStream out) throws Exception {
        BenchArgs a;
        try {
            a = BenchArgs.parse(args, Set.of("--model", "--image", "--cache", "--runs", "--fp32-tolerance",
                    "--fp16-tolerance"), Set.of("--cpu-stand-in", "--expect-warm-cache"));
        } catch (IllegalArgumentException e) {
            out.println("GpuCheck: " + e.getMessage());
            return 2;
        }
        List<String> models = a.all("--model");
        Path image = a.path("--image", "../shared/testdata/detection-coco/bus.jpg");
        if (models.isEmpty() || !Files.isRegularFile(image)) {
            out.println("GpuCheck: give --model M.onnx (repeatable) and an existing --image (got " + image + ")");
            return 2;
        }
        Path cache = a.path("--cache", Files.createTempDirectory("loupe-gpu-check").toString());
        GpuCheck check = new GpuCheck(out, a.flag("--cpu-stand-in"), a.integer("--runs", 50),
                a.number("--fp32-tolerance", 2e-3), a.number("--fp16-tolerance", 2e-2), cache,
                a.flag("--expect-warm-cache"));
        return check.all(models, image);
    }

    private int all(List<String> models, Path image) throws Exception {
        EnumSet<OrtProvider> providers;
        try {
            providers = OrtRuntime.availableProviders();
        } catch (ModelException e) {
            out.println("GpuCheck: " + e.getMessage());
            return 2;
        }
        GpuIdentity gpu = GpuIdentity.probe(0);
        out.printf("GpuCheck: ONNX Runtime %s, providers %s, GPU %s (%s), TensorRT %s, engine cache %s%s%n",
                OrtRuntime.environment().getVersion(), providers, gpu.name(), gpu.source(), TensorRtVersion.find(),
                cacheRoot, standIn ? ", CPU STANDING IN FOR THE GPU PROVIDERS" : "");
        if (!standIn) {
            boolean cuda = providers.contains(OrtProvider.CUDA);
            boolean trt = providers.contains(OrtProvider.TENSOR_RT);
            check(cuda && trt, "the ONNX Runtime build has the CUDA and TensorRT providers");
            if (!cuda || !trt) {
                out.println("GpuCheck: this is not the -Pgpu build (onnxruntime_gpu); build with"
                        + " ./mvnw -Pgpu and run on a machine with CUDA 12, cuDNN 9 and TensorRT 10");
                return 2;
            }
        }
        try (Mat picture = imread(image.toString())) {
            for (String model : models) {
                if (!model(Path.of(model), picture)) {
                    return 2;
                }
            }
        }
        out.printf("RESULT: %s (%d checks passed, %d failed)%n", failures.isEmpty() ? "PASS" : "FAIL", passed,
                failures.size());
        failures.forEach(f -> out.println("  failed: " + f));
        return failures.isEmpty() ? 0 : 1;
    }

    /** Returns false when the model does not even load on CPU. */
    private boolean model(Path file, Mat picture) throws IOException {
        out.println("model " + file);
        ModelSpec base = ModelSpec.of("gpu-check", file);
        Measure cpu;
        try {
            cpu = measure("cpu", base.withProvider(Provider.CPU), picture);
        } catch (ModelException e) {
            out.println("GpuCheck: " + e.getMessage());
            return false;
        }
        report(cpu, null, 0, 0);
        String name = file.getFileName().toString();
        Provider cudaProvider = standIn ? Provider.CPU : Provider.CUDA;
        Measure cuda = tryMeasure("cuda", base.withProvider(cudaProvider), picture, name);
        if (cuda != null) {
            report(cuda, cpu, fp32Tolerance, 0.01);
        }
        Path root = cacheRoot.resolve(name.replace(".onnx", ""));
        TensorRtOptions trt = TensorRtOptions.defaults().withEngineCacheRoot(root);
        ModelSpec trtSpec = base.withProvider(standIn ? Provider.CPU : Provider.TENSORRT).withTensorRt(trt);
        Measure first = tryMeasure("tensorrt fp16, first start", trtSpec, picture, name);
        if (first != null) {
            report(first, cpu, fp16Tolerance, 0.05);
            if (!standIn && !warmCache) {
                EngineCacheStatus e = first.engines();
                check(e != null && e.enginesAfter() > 0 && !e.reused(), name + ": the first TensorRT start built"
                        + " engines into " + (e == null ? "?" : e.folder() + " (" + e.enginesBefore() + " -> "
                                + e.enginesAfter() + " files, " + e.took().toMillis() + " ms)"));
            } else if (!standIn) {
                EngineCacheStatus e = first.engines();
                check(e != null && e.reused(), name + ": the first TensorRT start of this new process loaded the"
                        + " engines cached by the previous one (" + (e == null ? "?" : e.folder() + ", "
                                + e.enginesBefore() + " -> " + e.enginesAfter() + " files, " + e.took().toMillis()
                                + " ms)"));
            }
        }
        Measure second = tryMeasure("tensorrt fp16, second start", trtSpec, picture, name);
        if (second != null) {
            report(second, cpu, fp16Tolerance, 0.05);
            if (!standIn) {
                EngineCacheStatus e = second.engines();
                check(e != null && e.reused(), name + ": the second TensorRT start reused the cached engines ("
                        + (e == null ? "?" : e.enginesBefore() + " -> " + e.enginesAfter() + " files, load "
                                + second.loadMillis() + " ms vs " + (first == null ? "?" : first.loadMillis())
                                + " ms at the first start") + ")");
            } else {
                out.println("  engine cache checks skipped: the CPU stands in for TensorRT");
            }
        }
        return true;
    }

    private Measure tryMeasure(String provider, ModelSpec spec, Mat picture, String name) {
        try {
            return measure(provider, spec, picture);
        } catch (ModelException e) {
            check(false, name + " on " + provider + ": " + e.getMessage());
            return null;
        }
    }

    private Measure measure(String provider, ModelSpec spec, Mat picture) throws ModelException {
        long t0 = System.nanoTime();
        try (Model model = Model.load(spec)) {
            long loadMillis = (System.nanoTime() - t0) / 1_000_000;
            List<float[]> outputs = new ArrayList<>();
            Timings timings = new Timings(runs);
            try (TensorRunner runner = model.newTensorRunner()) {
                runner.prepare(picture);
                runner.run();
                for (int o = 0; o < runner.outputs().size(); o++) {
                    FloatBuffer b = runner.output(o);
                    float[] copy = new float[b.capacity()];
                    b.get(0, copy);
                    outputs.add(copy);
                }
                for (int i = 0; i < runs; i++) {
                    long r0 = System.nanoTime();
                    runner.run();
                    timings.add(System.nanoTime() - r0);
                }
            }
            List<Detection> detections = List.of();
            try (Predictor predictor = model.newPredictor()) {
                Prediction p = predictor.predict(picture);
                if (p instanceof Detections d) {
                    detections = d.detections();
                } else if (p instanceof Poses poses) {
                    detections = poses.poses().stream().map(pose -> pose.box()).toList();
                }
            }
            return new Measure(provider + " (" + model.info().provider().configName() + ")", loadMillis,
                    timings.medianMillis(), outputs, detections, model.confidence(), model.engineCache().orElse(null));
        }
    }

    private void report(Measure m, Measure reference, double tolerance, double scoreTolerance) {
        out.printf("  %-36s load %6d ms, run median %8.3f ms, %d detections%n", m.provider(), m.loadMillis(),
                m.runMedian(), m.detections().size());
        if (reference == null) {
            return;
        }
        for (int o = 0; o < m.outputs().size(); o++) {
            float[] a = reference.outputs().get(o);
            float[] b = m.outputs().get(o);
            double maxDiff = 0;
            double scale = 1e-6;
            for (int i = 0; i < a.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
                scale = Math.max(scale, Math.abs(a[i]));
            }
            double relative = maxDiff / scale;
            check(relative <= tolerance, String.format("%s output %d: max |diff| %.3g, relative to max |cpu| %.3g:"
                    + " %.3g <= %.3g", m.provider(), o, maxDiff, scale, relative, tolerance));
        }
        // Detections scoring near the threshold may come and go with rounding; the clear ones must all match.
        List<Detection> clear = reference.detections().stream()
                .filter(d -> d.score() >= reference.confidence() + 0.1f)
                .toList();
        int matched = 0;
        for (Detection d : clear) {
            boolean found = m.detections().stream().anyMatch(g -> g.classId() == d.classId()
                    && iou(d, g) >= 0.8 && Math.abs(g.score() - d.score()) <= scoreTolerance);
            matched += found ? 1 : 0;
        }
        check(matched == clear.size(), String.format("%s detections: %d of the CPU's %d clear ones (score >= %.2f)"
                + " matched (same class, IoU >= 0.8, score within %.2f); %d found, CPU %d", m.provider(), matched,
                clear.size(), reference.confidence() + 0.1f, scoreTolerance, m.detections().size(),
                reference.detections().size()));
    }

    private void check(boolean ok, String what) {
        out.println("    " + (ok ? "OK   " : "FAIL ") + what);
        if (ok) {
            passed++;
        } else {
            failures.add(what);
        }
    }

    private static double iou(Detection a, Detection b) {
        double w = Math.max(0, Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1()));
        double h = Math.max(0, Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1()));
        double inter = w * h;
        double union = a.width() * a.height() + b.width() * b.height() - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
