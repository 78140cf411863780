package io.loupe.models;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxModelMetadata;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.DecoderFactory;
import io.loupe.models.decode.DecoderRegistry;
import io.loupe.models.decode.OutputTensor;
import io.loupe.models.metadata.ModelManifest;
import io.loupe.models.metadata.OnnxMetadata;
import io.loupe.models.preprocess.Letterbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of {@link Model#load}: check the file, hash it, read the manifest, open the session on a provider, check
 * the input, read the metadata, resolve decoder, labels and input size (manifest over metadata), run the warm-up
 * inference that also measures the output shapes, and let the decoder factory check them.
 */
final class ModelLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ModelLoader.class);

    /** Input side used when the graph, the manifest and the metadata all leave it open. */
    static final int DEFAULT_INPUT_SIDE = 640;

    private static final Map<String, String> DECODER_BY_TASK = Map.of(
            "detect", "yolov8",
            "pose", "yolo-pose",
            "classify", "classify",
            "segment", "yolov8-seg",
            "obb", "yolov8-obb");

    private ModelLoader() {
    }

    static Model load(ModelSpec spec, DecoderRegistry decoders) throws ModelException {
        Path file = spec.path().toAbsolutePath().normalize();
        ModelFile.checkReadable(file);
        String sha256 = ModelFile.sha256(file);
        ModelManifest manifest = ModelManifest.readBeside(file).orElse(null);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        SessionOpener.Opened opened = SessionOpener.open(environment, file, sha256, spec.provider(),
                spec.intraOpThreads());
        try {
            return build(spec, decoders, file, sha256, manifest, environment, opened);
        } catch (ModelException | RuntimeException e) {
            closeQuietly(opened);
            throw e;
        }
    }

    private static Model build(ModelSpec spec, DecoderRegistry decoders, Path file, String sha256,
            ModelManifest manifest, OrtEnvironment environment, SessionOpener.Opened opened) throws ModelException {
        OrtSession session = opened.session();
        NodeInfo input = imageInput(session, file);
        long[] inputShape = ((TensorInfo) input.getInfo()).getShape();
        OnnxModelMetadata ortMetadata = call(session::getMetadata, file, "read the metadata of");
        OnnxMetadata metadata = OnnxMetadata.parse(ortMetadata.getCustomMetadata());
        metadata.problems().forEach(p -> LOG.warn("Model {}: ONNX metadata ignored: {}", file, p));

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
        int[] size = inputSize(inputShape, manifest, metadata, file);

        long start = System.nanoTime();
        List<OutputTensor> outputs = warmUp(environment, session, input.getName(), size[0], size[1], file);
        long warmUpMillis = (System.nanoTime() - start) / 1_000_000;
        DecoderContext context = new DecoderContext(file, key, size[0], size[1], labels, outputs);
        factory.create(context);

        ModelInfo info = new ModelInfo(spec.id(), name(manifest, file), version(manifest, metadata, ortMetadata),
                sha256, task != null ? task : factory.task(), key, opened.provider(), opened.notes(), size[0],
                size[1], labels, file);
        float confidence = pick(spec.confidence(), manifest == null ? Float.NaN : manifest.confidence(),
                ModelSpec.DEFAULT_CONFIDENCE);
        float iou = pick(spec.iou(), manifest == null ? Float.NaN : manifest.iou(), ModelSpec.DEFAULT_IOU);
        String description = manifest != null && manifest.description() != null ? manifest.description()
                : metadata.description() != null ? metadata.description() : "";
        opened.notes().forEach(note -> LOG.info("Model '{}': {}", spec.id(), note));
        LOG.info("Model '{}' loaded: {} {} (sha256 {}), decoder {}, {} labels, input {}x{}, outputs {}, provider {},"
                + " warm-up {} ms", spec.id(), info.name(), info.version(), sha256.substring(0, 12), key,
                labels.size(), size[0], size[1], outputs, info.provider().configName(), warmUpMillis);
        return new Model(info, description, environment, session, opened.options(), input.getName(), factory, context,
                confidence, iou);
    }

    private static NodeInfo imageInput(OrtSession session, Path file) throws ModelException {
        Map<String, NodeInfo> inputs = call(session::getInputInfo, file, "read the inputs of");
        if (inputs.size() != 1) {
            throw new ModelException("Model " + file + " has " + inputs.size() + " inputs " + inputs.keySet()
                    + "; Loupe's image models take exactly one, [1, 3, height, width]. Fix: export the model with a"
                    + " single image input");
        }
        NodeInfo input = inputs.values().iterator().next();
        if (!(input.getInfo() instanceof TensorInfo tensor) || tensor.type != OnnxJavaType.FLOAT) {
            throw new ModelException("Model " + file + ": input '" + input.getName() + "' is " + input.getInfo()
                    + "; Loupe feeds a float tensor [1, 3, height, width]. Fix: export the model with a float32 image"
                    + " input (a dynamic-INT8 export keeps a float input)");
        }
        long[] shape = tensor.getShape();
        if (shape.length != 4) {
            throw new ModelException("Model " + file + ": input '" + input.getName() + "' has rank " + shape.length
                    + " " + Arrays.toString(shape) + "; an image model needs rank 4, [1, 3, height, width]. Fix: use"
                    + " an image detection export (Ultralytics: yolo export format=onnx) or check that this is the"
                    + " model you meant");
        }
        if (shape[0] > 1 || shape[1] > 0 && shape[1] != 3) {
            throw new ModelException("Model " + file + ": input '" + input.getName() + "' is "
                    + Arrays.toString(shape) + "; Loupe feeds one 3-channel image, [1, 3, height, width]. Fix: export"
                    + " with batch=1 (or a dynamic batch) and 3 input channels");
        }
        return input;
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
            return new String[] {DECODER_BY_TASK.getOrDefault(t, t), "task '" + task + "' in the model metadata"};
        }
        throw new ModelException("Model " + file + " names no decoder: neither the configuration, nor a manifest "
                + ModelManifest.fileFor(file).getFileName() + ", nor the ONNX metadata ('task') says how to read its"
                + " outputs. Fix: set decoder to one of " + String.join(", ", decoders.keys())
                + " in the model configuration or the manifest");
    }

    /** Returns {width, height}: the graph's fixed sizes, else the manifest's, else the metadata's imgsz, else 640. */
    private static int[] inputSize(long[] shape, ModelManifest manifest, OnnxMetadata metadata, Path file)
            throws ModelException {
        int fixedHeight = shape[2] > 0 ? Math.toIntExact(shape[2]) : 0;
        int fixedWidth = shape[3] > 0 ? Math.toIntExact(shape[3]) : 0;
        if (manifest != null && manifest.inputWidth() > 0) {
            boolean clash = fixedWidth > 0 && fixedWidth != manifest.inputWidth()
                    || fixedHeight > 0 && fixedHeight != manifest.inputHeight();
            if (clash) {
                throw new ModelException("Manifest " + manifest.file() + " sets input " + manifest.inputWidth() + "x"
                        + manifest.inputHeight() + " but model " + file + " has a fixed input of " + fixedWidth + "x"
                        + fixedHeight + " (" + Arrays.toString(shape) + "). Fix: remove input from the manifest or"
                        + " export the model at that size (or with dynamic=True)");
            }
        }
        return new int[] {
            firstPositive(fixedWidth, manifest == null ? 0 : manifest.inputWidth(), metadata.inputWidth()),
            firstPositive(fixedHeight, manifest == null ? 0 : manifest.inputHeight(), metadata.inputHeight())
        };
    }

    /** One inference on a gray image through the real letterbox; returns the outputs with their concrete shapes. */
    private static List<OutputTensor> warmUp(OrtEnvironment environment, OrtSession session, String inputName,
            int width, int height, Path file) throws ModelException {
        List<OutputTensor> outputs = new ArrayList<>();
        try (Letterbox letterbox = new Letterbox(width, height);
                Scalar gray = new Scalar(Letterbox.PAD_VALUE, Letterbox.PAD_VALUE, Letterbox.PAD_VALUE, 0);
                Mat image = new Mat(height, width, CV_8UC3, gray)) {
            letterbox.apply(image);
            try (OnnxTensor tensor = OnnxTensor.createTensor(environment, letterbox.blobBuffer(), letterbox.shape());
                    OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
                for (Map.Entry<String, OnnxValue> entry : result) {
                    if (!(entry.getValue() instanceof OnnxTensor out)
                            || out.getInfo().type != OnnxJavaType.FLOAT) {
                        throw new ModelException("Model " + file + ": output '" + entry.getKey() + "' is "
                                + entry.getValue().getInfo() + "; Loupe's decoders read float tensors. Fix: export"
                                + " without NMS or post-processing in the graph (Ultralytics: nms=False)");
                    }
                    outputs.add(new OutputTensor(entry.getKey(), out.getInfo().getShape()));
                }
            }
        } catch (OrtException e) {
            throw new ModelException("Model " + file + ": the warm-up inference on a " + width + "x" + height
                    + " input failed: " + e.getMessage() + ". Fix: check the input size (manifest input, metadata"
                    + " imgsz) against what the model was exported for", e);
        }
        return outputs;
    }

    private static String name(ModelManifest manifest, Path file) {
        if (manifest != null && manifest.name() != null) {
            return manifest.name();
        }
        String fileName = file.getFileName().toString();
        return fileName.toLowerCase(Locale.ROOT).endsWith(".onnx")
                ? fileName.substring(0, fileName.length() - ".onnx".length())
                : fileName;
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

    private static int firstPositive(int a, int b, int c) {
        return a > 0 ? a : b > 0 ? b : c > 0 ? c : DEFAULT_INPUT_SIDE;
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

    private static void closeQuietly(SessionOpener.Opened opened) {
        try {
            opened.session().close();
        } catch (OrtException e) {
            LOG.debug("Closing a half-loaded session failed", e);
        }
        opened.options().close();
    }
}
