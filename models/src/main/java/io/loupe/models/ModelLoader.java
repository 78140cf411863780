package io.loupe.models;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxModelMetadata;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import io.loupe.models.decode.AnomalyDecoder;
import io.loupe.models.decode.ClassDecoder;
import io.loupe.models.decode.Decoder;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.DecoderFactory;
import io.loupe.models.decode.DecoderHints;
import io.loupe.models.decode.DecoderRegistry;
import io.loupe.models.decode.OutputDecoder;
import io.loupe.models.decode.OutputTensor;
import io.loupe.models.metadata.ModelManifest;
import io.loupe.models.metadata.OnnxMetadata;
import io.loupe.models.preprocess.Preprocessing;
import io.loupe.models.preprocess.Preprocessor;
import io.loupe.models.runtime.EngineBuildMonitor;
import io.loupe.models.runtime.EngineCacheKey;
import io.loupe.models.runtime.EngineCacheStatus;
import io.loupe.models.runtime.GpuIdentity;
import io.loupe.models.runtime.ModelSource;
import io.loupe.models.runtime.OrtRuntime;
import io.loupe.models.runtime.TensorRtVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of {@link Model#load}: check the file, hash it, read the manifest, convert a {@code .tflite} file to ONNX
 * (in memory), then for each provider in turn (TensorRT, CUDA, CPU for {@code auto}) open the session, check the
 * input, read the metadata, resolve decoder, labels, size and pre-processing (manifest over metadata over the
 * decoder's defaults), run the warm-up inference that also measures the output shapes (and builds TensorRT engines),
 * and let the decoder factory check them. A GPU provider that fails to start or to run the warm-up is recorded and the
 * next one tried; a problem of the model itself stops at once.
 */
final class ModelLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ModelLoader.class);

    private static final Map<String, String> DECODER_BY_TASK = Map.of(
            "detect", "yolov8",
            "pose", "yolo-pose",
            "classify", "classify",
            "anomaly", "anomalib",
            "segment", "yolov8-seg",
            "obb", "yolov8-obb");

    /** A GPU provider could not start or run: worth trying the next provider. */
    private static final class ProviderFailure extends Exception {
        private static final long serialVersionUID = 1L;

        ProviderFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Everything {@link #build} resolved, for the model's constructor. */
    record Parts(ModelInfo info, String description, InputPlan input, Preprocessing preprocessing,
            DecoderFactory factory, DecoderContext context, ResultKind kind, float confidence, float iou, int maxBatch,
            Duration warmUp) {
    }

    private ModelLoader() {
    }

    static Model load(ModelSpec spec, DecoderRegistry decoders, LoadProgress progress) throws ModelException {
        Path file = spec.path().toAbsolutePath().normalize();
        ModelFile.checkReadable(file);
        String sha256 = ModelFile.sha256(file);
        ModelManifest manifest = ModelManifest.readBeside(file).orElse(null);
        if (manifest != null && manifest.sha256() != null && !manifest.sha256().equals(sha256)) {
            throw new ModelException("Model file " + file + " has sha256 " + sha256 + " but its manifest "
                    + manifest.file() + " says " + manifest.sha256() + ". Fix: the file changed since the manifest was"
                    + " written: put the right file back, or export it again and update sha256 in the manifest");
        }
        ModelSource source = ModelSource.of(file);
        OrtEnvironment environment = OrtRuntime.environment();
        EnumSet<OrtProvider> available = OrtRuntime.availableProviders();
        List<String> notes = new ArrayList<>();
        List<Provider> order = providerOrder(spec.provider(), available, notes, file);
        for (Provider provider : order) {
            try {
                return attempt(spec, decoders, progress, source, sha256, manifest, environment, provider, notes);
            } catch (ProviderFailure failure) {
                if (spec.provider() != Provider.AUTO) {
                    throw new ModelException("Model " + file + ": provider " + provider.configName()
                            + " failed to start: " + failure.getMessage() + ". " + SessionOpener.GPU_FIX,
                            failure.getCause());
                }
                String note = label(provider) + ": failed to start (" + failure.getMessage() + ")";
                notes.add(note);
                LOG.warn("Model '{}' ({}): {}; trying the next provider", spec.id(), file, note);
                progress.report(spec.id(), note + "; trying the next provider");
            }
        }
        throw new IllegalStateException("The CPU provider is always tried last and never reports a provider failure");
    }

    private static List<Provider> providerOrder(Provider requested, EnumSet<OrtProvider> available, List<String> notes,
            Path file) throws ModelException {
        String build = !available.contains(OrtProvider.CUDA) && !available.contains(OrtProvider.TENSOR_RT)
                ? "CPU jar" : "providers: " + available;
        switch (requested) {
            case CPU -> {
                notes.add("TensorRT, CUDA: not tried (provider: cpu set explicitly)");
                return List.of(Provider.CPU);
            }
            case TENSORRT, CUDA -> {
                if (!available.contains(ortProvider(requested))) {
                    throw new ModelException("Model " + file + " asks for provider " + requested.configName()
                            + ", which is not in this ONNX Runtime build (" + build + "). " + SessionOpener.GPU_FIX);
                }
                return List.of(requested);
            }
            case AUTO -> {
                List<Provider> order = new ArrayList<>();
                for (Provider gpu : List.of(Provider.TENSORRT, Provider.CUDA)) {
                    if (available.contains(ortProvider(gpu))) {
                        order.add(gpu);
                    } else {
                        notes.add(label(gpu) + ": not in this ONNX Runtime build (" + build + ")");
                    }
                }
                order.add(Provider.CPU);
                return order;
            }
            default -> throw new IllegalStateException("Unhandled provider " + requested);
        }
    }

    private static Model attempt(ModelSpec spec, DecoderRegistry decoders, LoadProgress progress, ModelSource source,
            String sha256, ModelManifest manifest, OrtEnvironment environment, Provider provider, List<String> notes)
            throws ModelException, ProviderFailure {
        Path file = source.file();
        SessionOpener.TensorRtPlan plan = null;
        EngineBuildMonitor monitor = null;
        int enginesBefore = 0;
        long start = System.currentTimeMillis();
        if (provider == Provider.TENSORRT) {
            plan = tensorRtPlan(spec, source, sha256, manifest, environment);
            enginesBefore = EngineBuildMonitor.countEngines(plan.engineFolder());
            String what = enginesBefore > 0
                    ? "loading TensorRT engines from " + plan.engineFolder()
                    : "building TensorRT engines into " + plan.engineFolder() + " (first start of this model on this"
                            + " GPU and TensorRT version; this can take minutes and happens once)";
            LOG.info("Model '{}': {}", spec.id(), what);
            progress.report(spec.id(), what);
            String id = spec.id();
            monitor = EngineBuildMonitor.start(id, what, Duration.ofSeconds(10), message -> {
                LOG.info("Model '{}': {}", id, message);
                progress.report(id, message);
            });
        }
        SessionOpener.Opened opened = null;
        try {
            try {
                opened = SessionOpener.create(environment, source, provider, spec, plan);
            } catch (OrtException e) {
                if (provider == Provider.CPU || SessionOpener.notOnnx(e)) {
                    throw SessionOpener.loadFailure(environment, file, sha256, e);
                }
                throw new ProviderFailure(e.getMessage(), e);
            } catch (RuntimeException | LinkageError e) {
                if (provider == Provider.CPU) {
                    throw e;
                }
                // A provider library that cannot be loaded (missing CUDA, cuDNN or TensorRT) must not stop auto.
                throw new ProviderFailure(e.toString(), e);
            }
            Parts parts = build(spec, decoders, file, sha256, manifest, environment, opened, List.copyOf(notes));
            EngineCacheStatus engines = null;
            if (plan != null) {
                Duration took = monitor.elapsed();
                int after = EngineBuildMonitor.countEngines(plan.engineFolder());
                boolean written = newestEngine(plan.engineFolder()) >= start;
                engines = new EngineCacheStatus(plan.engineFolder(), enginesBefore > 0 && !written, enginesBefore,
                        after, took);
                String done = (engines.reused() ? "TensorRT engines loaded from cache" : "TensorRT engines built and"
                        + " cached") + " in " + took.toMillis() + " ms (" + after + " in " + plan.engineFolder() + ")";
                LOG.info("Model '{}': {}", spec.id(), done);
                progress.report(spec.id(), done);
            }
            progress.report(spec.id(), "loaded on " + provider.configName() + ", warm-up "
                    + parts.warmUp().toMillis() + " ms");
            return new Model(parts, environment, opened, engines);
        } catch (ModelException | ProviderFailure | RuntimeException e) {
            if (opened != null) {
                opened.closeQuietly();
            }
            throw e;
        } finally {
            if (monitor != null) {
                monitor.close();
            }
        }
    }

    private static Parts build(ModelSpec spec, DecoderRegistry decoders, Path file, String sha256,
            ModelManifest manifest, OrtEnvironment environment, SessionOpener.Opened opened, List<String> notes)
            throws ModelException, ProviderFailure {
        OrtSession session = opened.session();
        OnnxModelMetadata ortMetadata = call(session::getMetadata, file, "read the metadata of");
        OnnxMetadata metadata = OnnxMetadata.parse(ortMetadata.getCustomMetadata());
        metadata.problems().forEach(p -> LOG.warn("Model {}: ONNX metadata ignored: {}", file, p));
        InputPlan input = InputPlan.of(session, manifest, metadata, file);

        String task = manifest != null && manifest.task() != null ? manifest.task() : metadata.task();
        String[] keyAndSource = decoderKey(spec, manifest, task, file, decoders);
        String key = keyAndSource[0];
        DecoderFactory factory = decoders.find(key).orElseThrow(() -> new ModelException("Model " + file
                + ": unknown decoder '" + key + "' (from " + keyAndSource[1] + "); known decoders: "
                + String.join(", ", decoders.keys()) + ". Fix: set decoder to one of them in the model configuration"
                + " or in " + ModelManifest.fileFor(file).getFileName()));

        List<String> labels = manifest != null && !manifest.labels().isEmpty() ? manifest.labels() : metadata.labels();
        if (labels.isEmpty() && factory.requiresLabels()) {
            throw new ModelException("Model " + file + " has no class labels: its ONNX metadata has no readable"
                    + " 'names'" + (metadata.problems().isEmpty() ? "" : " (" + metadata.problems() + ")")
                    + " and no manifest " + ModelManifest.fileFor(file) + " gives 'labels'. Fix: write that file with"
                    + " labels: [first, second, ...], one name per class in class-id order");
        }
        Preprocessing preprocessing;
        try {
            preprocessing = manifest == null ? factory.preprocessing()
                    : manifest.preprocess().applyTo(factory.preprocessing());
        } catch (IllegalArgumentException e) {
            throw new ModelException("Manifest " + manifest.file() + ": " + e.getMessage());
        }
        int maxBatch = spec.maxBatch();
        if (maxBatch > 1 && !input.dynamicBatch()) {
            throw new ModelException("Model " + file + " has a fixed batch of 1 (input " + input + ") but maxBatch is "
                    + maxBatch + ". Fix: export it with a dynamic batch axis (Ultralytics: yolo export format=onnx"
                    + " dynamic=True) or set maxBatch: 1");
        }

        long start = System.nanoTime();
        WarmUp warm = warmUp(environment, session, input, preprocessing, maxBatch, file, opened.provider());
        Duration warmUp = Duration.ofNanos(System.nanoTime() - start);
        DecoderHints hints = new DecoderHints(
                manifest != null && manifest.keypoints() > 0 ? manifest.keypoints() : metadata.keypoints(),
                manifest != null && manifest.keypoints() > 0 ? manifest.keypointDims() : metadata.keypointDims(),
                manifest == null ? List.of() : manifest.strides(), manifest == null ? null : manifest.softmax(),
                manifest == null ? null : manifest.anomaly(), warm.otherOutputs());
        DecoderContext context = new DecoderContext(file, key, input.width(), input.height(), labels, warm.outputs(),
                hints);
        ResultKind kind = kind(factory.create(context));

        ModelInfo info = new ModelInfo(spec.id(), name(manifest, file), version(manifest, metadata, ortMetadata),
                sha256, task != null ? task : factory.task(), key, opened.provider(), notes, input.width(),
                input.height(), labels, file);
        float confidence = pick(spec.confidence(), manifest == null ? Float.NaN : manifest.confidence(),
                ModelSpec.DEFAULT_CONFIDENCE);
        float iou = pick(spec.iou(), manifest == null ? Float.NaN : manifest.iou(), ModelSpec.DEFAULT_IOU);
        String description = manifest != null && manifest.description() != null ? manifest.description()
                : metadata.description() != null ? metadata.description() : "";
        notes.forEach(note -> LOG.info("Model '{}': {}", spec.id(), note));
        LOG.info("Model '{}' loaded: {} {} (sha256 {}), decoder {} ({}), {} labels, input {} {}x{} {}, {} {} {}, outputs"
                + " {}, max batch {}, provider {}, warm-up {} ms", spec.id(), info.name(), info.version(),
                sha256.substring(0, 12), key, kind, labels.size(), input.name(), input.width(), input.height(),
                input.layout().configName(), preprocessing.resize().configName(),
                preprocessing.color().configName(), preprocessing.scale() == 1f ? "0..255" : "scale "
                        + preprocessing.scale(), warm.outputs(), maxBatch, info.provider().configName(),
                warmUp.toMillis());
        return new Parts(info, description, input, preprocessing, factory, context, kind, confidence, iou, maxBatch,
                warmUp);
    }

    private static ResultKind kind(OutputDecoder decoder) {
        if (decoder instanceof Decoder boxes) {
            return boxes.keypoints() > 0 ? ResultKind.POSES : ResultKind.DETECTIONS;
        }
        if (decoder instanceof ClassDecoder) {
            return ResultKind.CLASSIFICATION;
        }
        if (decoder instanceof AnomalyDecoder) {
            return ResultKind.ANOMALY;
        }
        throw new IllegalStateException("Unknown decoder kind " + decoder.getClass());
    }

    /** The measured outputs: float ones (decodable) with their shapes for one image, and the names of the others. */
    private record WarmUp(List<OutputTensor> outputs, List<String> otherOutputs) {
    }

    /**
     * Inferences on a gray image through the real pre-processing, at batch 1 and (when batching) at {@code maxBatch};
     * returns the outputs with their concrete shapes for one image.
     */
    private static WarmUp warmUp(OrtEnvironment environment, OrtSession session, InputPlan input,
            Preprocessing preprocessing, int maxBatch, Path file, Provider provider)
            throws ModelException, ProviderFailure {
        List<OutputTensor> outputs = new ArrayList<>();
        List<String> others = new ArrayList<>();
        try (Preprocessor preprocessor = new Preprocessor(preprocessing, input.layout(), input.width(), input.height(),
                        maxBatch);
                Scalar gray = new Scalar(114, 114, 114, 0);
                Mat image = new Mat(input.height(), input.width(), CV_8UC3, gray)) {
            for (int slot = 0; slot < maxBatch; slot++) {
                preprocessor.apply(slot, image);
            }
            try (OnnxTensor tensor = OnnxTensor.createTensor(environment, preprocessor.batchBuffer(1),
                            preprocessor.shape(1));
                    OrtSession.Result result = session.run(Map.of(input.name(), tensor))) {
                for (Map.Entry<String, OnnxValue> entry : result) {
                    if (entry.getValue() instanceof OnnxTensor out && out.getInfo().type == OnnxJavaType.FLOAT) {
                        outputs.add(new OutputTensor(entry.getKey(), out.getInfo().getShape()));
                    } else {
                        others.add(entry.getKey());
                    }
                }
            }
            if (outputs.isEmpty()) {
                throw new ModelException("Model " + file + " has no float output (outputs: " + others + "). Fix: export"
                        + " without NMS or post-processing in the graph (Ultralytics: nms=False)");
            }
            if (maxBatch > 1) {
                checkBatch(environment, session, input, preprocessor, maxBatch, outputs, file);
            }
        } catch (OrtException e) {
            if (provider != Provider.CPU) {
                throw new ProviderFailure("the warm-up inference failed: " + e.getMessage(), e);
            }
            throw new ModelException("Model " + file + ": the warm-up inference on a " + input.width() + "x"
                    + input.height() + " input failed: " + e.getMessage() + ". Fix: check the input size (manifest"
                    + " input, metadata imgsz) against what the model was exported for", e);
        }
        if (!others.isEmpty()) {
            LOG.info("Model {}: outputs {} are not float tensors and are not read", file, others);
        }
        return new WarmUp(outputs, others);
    }

    private static void checkBatch(OrtEnvironment environment, OrtSession session, InputPlan input,
            Preprocessor preprocessor, int maxBatch, List<OutputTensor> single, Path file)
            throws OrtException, ModelException {
        try (OnnxTensor tensor = OnnxTensor.createTensor(environment, preprocessor.batchBuffer(maxBatch),
                        preprocessor.shape(maxBatch));
                OrtSession.Result result = session.run(Map.of(input.name(), tensor))) {
            for (OutputTensor one : single) {
                long[] batched = ((OnnxTensor) result.get(one.name()).orElseThrow()).getInfo().getShape();
                long[] expected = one.shape();
                expected[0] = maxBatch;
                if (one.rank() == 0 || one.dim(0) != 1 || !Arrays.equals(batched, expected)) {
                    throw new ModelException("Model " + file + ": output " + one + " does not follow the batch: at"
                            + " batch " + maxBatch + " it is " + Arrays.toString(batched) + ", not "
                            + Arrays.toString(expected) + ". Fix: export with dynamic=True on the batch axis of inputs"
                            + " and outputs, or set maxBatch: 1");
                }
            }
        }
    }

    /** A TensorRT plan: engine cache folder of this model's key, timing cache, and the input profile. */
    private static SessionOpener.TensorRtPlan tensorRtPlan(ModelSpec spec, ModelSource source, String sha256,
            ModelManifest manifest, OrtEnvironment environment) throws ModelException, ProviderFailure {
        Path file = source.file();
        InputPlan input;
        try (OrtSession probe = SessionOpener.probe(environment, source)) {
            OnnxMetadata metadata = OnnxMetadata.parse(call(probe::getMetadata, file, "read the metadata of")
                    .getCustomMetadata());
            input = InputPlan.of(probe, manifest, metadata, file);
        } catch (OrtException e) {
            throw SessionOpener.loadFailure(environment, file, sha256, e);
        }
        TensorRtOptions options = spec.tensorRt();
        if (options.int8CalibrationTable() != null && !Files.isRegularFile(options.int8CalibrationTable())) {
            throw new ModelException("Model " + file + ": the INT8 calibration table "
                    + options.int8CalibrationTable().toAbsolutePath() + " does not exist. Fix: correct its path, or"
                    + " remove it for a model with Q/DQ nodes");
        }
        String trtVersion = TensorRtVersion.find();
        GpuIdentity gpu = GpuIdentity.probe(options.deviceId());
        if (TensorRtVersion.UNKNOWN.equals(trtVersion)) {
            LOG.warn("Model {}: the TensorRT version could not be found (no libnvinfer.so.X in LD_LIBRARY_PATH or the"
                    + " usual folders); engines are cached under trt{}: delete that folder after upgrading TensorRT",
                    file, trtVersion);
        }
        EngineCacheKey key = new EngineCacheKey(sha256, trtVersion, gpu.slug(),
                EngineCacheKey.precision(options.fp16(), options.int8()), spec.maxBatch());
        Path root = options.engineCacheRoot().toAbsolutePath().normalize();
        Path folder = key.folder(root);
        Path timing = root.resolve("timing-trt" + trtVersion + "-" + gpu.slug());
        try {
            Files.createDirectories(folder);
            Files.createDirectories(timing);
        } catch (IOException e) {
            throw new ProviderFailure("cannot create the TensorRT engine cache " + folder + " (" + e + "); set a"
                    + " writable engineCacheRoot", e);
        }
        return new SessionOpener.TensorRtPlan(folder, timing, input.name(), input.shape(1),
                input.shape(spec.maxBatch()), input.dynamic());
    }

    private static long newestEngine(Path folder) {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".engine"))
                    .mapToLong(f -> f.toFile().lastModified())
                    .max()
                    .orElse(0L);
        } catch (IOException e) {
            return 0L;
        }
    }

    /** Returns {key, where it came from}. */
    private static String[] decoderKey(ModelSpec spec, ModelManifest manifest, String task, Path file,
            DecoderRegistry decoders) throws ModelException {
        if (spec.decoder() != null) {
            return new String[] {spec.decoder(), "the model configuration"};
        }
        if (manifest != null && manifest.decoder() != null) {
            return new String[] {manifest.decoder(), "manifest " + manifest.file()};
        }
        if (task != null) {
            String t = task.trim().toLowerCase(Locale.ROOT);
            return new String[] {DECODER_BY_TASK.getOrDefault(t, t), "task '" + task + "' in the model "
                    + (manifest != null && manifest.task() != null ? "manifest" : "metadata")};
        }
        throw new ModelException("Model " + file + " names no decoder: neither the configuration, nor a manifest "
                + ModelManifest.fileFor(file).getFileName() + ", nor the ONNX metadata ('task') says how to read its"
                + " outputs. Fix: set decoder to one of " + String.join(", ", decoders.keys())
                + " in the model configuration or the manifest");
    }

    private static String name(ModelManifest manifest, Path file) {
        if (manifest != null && manifest.name() != null) {
            return manifest.name();
        }
        return ModelManifest.stem(file);
    }

    private static String version(ModelManifest manifest, OnnxMetadata metadata, OnnxModelMetadata ortMetadata) {
        if (manifest != null && manifest.version() != null) {
            return manifest.version();
        }
        if (metadata.version() != null) {
            return metadata.version();
        }
        return ortMetadata.getVersion() > 0 ? Long.toString(ortMetadata.getVersion()) : "unversioned";
    }

    private static float pick(float fromSpec, float fromManifest, float fallback) {
        if (!Float.isNaN(fromSpec)) {
            return fromSpec;
        }
        return Float.isNaN(fromManifest) ? fallback : fromManifest;
    }

    private static OrtProvider ortProvider(Provider provider) {
        return provider == Provider.TENSORRT ? OrtProvider.TENSOR_RT : OrtProvider.CUDA;
    }

    private static String label(Provider provider) {
        return provider == Provider.TENSORRT ? "TensorRT" : provider == Provider.CUDA ? "CUDA" : "CPU";
    }

    private interface OrtCall<T> {
        T call() throws OrtException;
    }

    private static <T> T call(OrtCall<T> call, Path file, String what) throws ModelException {
        try {
            return call.call();
        } catch (OrtException e) {
            throw new ModelException("ONNX Runtime could not " + what + " model " + file + ": " + e.getMessage()
                    + ". Fix: export the model again", e);
        }
    }
}
