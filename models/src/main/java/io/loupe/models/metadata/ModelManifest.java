package io.loupe.models.metadata;

import io.loupe.models.ModelException;
import io.loupe.models.decode.AnomalyThresholds;
import io.loupe.models.preprocess.ChannelValues;
import io.loupe.models.preprocess.ColorOrder;
import io.loupe.models.preprocess.PreprocessOverrides;
import io.loupe.models.preprocess.ResizeMode;
import io.loupe.models.preprocess.TensorLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The user's description of a model, {@code NAME.model.yml} beside {@code NAME.onnx}. Every key is optional; where the
 * ONNX metadata sets the same value, the manifest wins (it is the user's override). Unknown keys are errors.
 *
 * <pre>
 * name: steel-defects
 * version: 2024.06
 * decoder: yolov8
 * task: detect
 * labels: [crazing, inclusion, patches]
 * input: {width: 640, height: 640, layout: nchw}
 * confidence: 0.3
 * iou: 0.5
 * description: NEU steel surface defects
 * preprocess:                  # each key overrides the decoder's default
 *   resize: letterbox          # letterbox | letterbox-top-left | stretch | crop
 *   color: rgb                 # rgb | bgr
 *   scale: 1/255               # pixel (0..255) multiplier: a number or a fraction
 *   mean: [0.485, 0.456, 0.406]  # in tensor channel order
 *   std: [0.229, 0.224, 0.225]
 *   pad: 114                   # letterbox gray
 * keypoints: [17, 3]           # pose: keypoints per object, values per keypoint
 * strides: [8, 16, 32]         # yolox: feature-map strides
 * softmax: true                # classify: force (true) or forbid (false) a softmax
 * anomaly: {image_threshold: 12.3, pixel_threshold: 11.8, min: 2.1, max: 30.5}   # anomalib 1.x metadata.json
 * sha256: 83de8f0d…            # checked against the file at load
 * provenance: {…}              # free-form documentation, not read
 * evaluation: {…}              # free-form documentation, not read
 * </pre>
 *
 * @param file the manifest file
 * @param name null when absent
 * @param version null when absent
 * @param decoder lower-case; null when absent
 * @param task null when absent
 * @param labels class names by id; empty when absent
 * @param inputWidth 0 when absent
 * @param inputHeight 0 when absent
 * @param confidence NaN when absent
 * @param iou NaN when absent
 * @param description null when absent
 * @param layout {@code input.layout}; null when absent (taken from the graph)
 * @param preprocess the {@code preprocess} keys set; {@link PreprocessOverrides#NONE} when absent
 * @param keypoints {@code keypoints[0]}; 0 when absent
 * @param keypointDims {@code keypoints[1]}; 0 when absent
 * @param strides {@code strides}; empty when absent
 * @param softmax {@code softmax}; null when absent
 * @param anomaly the {@code anomaly} thresholds; {@link AnomalyThresholds#NONE} when absent
 * @param sha256 the model file's expected sha256, lower-case hex; null when absent
 */
public record ModelManifest(Path file, String name, String version, String decoder, String task,
        List<String> labels, int inputWidth, int inputHeight, float confidence, float iou, String description,
        TensorLayout layout, PreprocessOverrides preprocess, int keypoints, int keypointDims, List<Integer> strides,
        Boolean softmax, AnomalyThresholds anomaly, String sha256) {

    /** The keys a manifest may have; {@code provenance} and {@code evaluation} are documentation and not read. */
    public static final Set<String> KEYS = Set.of("name", "version", "decoder", "task", "labels", "input",
            "confidence", "iou", "description", "preprocess", "keypoints", "strides", "softmax", "anomaly", "sha256",
            "provenance", "evaluation");

    private static final Set<String> INPUT_KEYS = Set.of("width", "height", "layout");
    private static final Set<String> PREPROCESS_KEYS = Set.of("resize", "color", "scale", "mean", "std", "pad");
    private static final Set<String> ANOMALY_KEYS = Set.of("image_threshold", "pixel_threshold", "min", "max");

    public ModelManifest {
        labels = List.copyOf(labels);
        strides = List.copyOf(strides);
        if (preprocess == null) {
            preprocess = PreprocessOverrides.NONE;
        }
        if (anomaly == null) {
            anomaly = AnomalyThresholds.NONE;
        }
    }

    /** A manifest with only the first keys Loupe knew (no layout, pre-processing, keypoints, strides, etc.). */
    public ModelManifest(Path file, String name, String version, String decoder, String task, List<String> labels,
            int inputWidth, int inputHeight, float confidence, float iou, String description) {
        this(file, name, version, decoder, task, labels, inputWidth, inputHeight, confidence, iou, description, null,
                PreprocessOverrides.NONE, 0, 0, List.of(), null, AnomalyThresholds.NONE, null);
    }

    /** {@code dir/NAME.model.yml} for {@code dir/NAME.onnx} (or {@code dir/NAME.tflite}). */
    public static Path fileFor(Path model) {
        return model.resolveSibling(stem(model) + ".model.yml");
    }

    /** The model's file name without {@code .onnx} or {@code .tflite} (any case). */
    public static String stem(Path model) {
        String fileName = model.getFileName().toString();
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String extension : new String[] {".onnx", ".tflite"}) {
            if (lower.endsWith(extension)) {
                return fileName.substring(0, fileName.length() - extension.length());
            }
        }
        return fileName;
    }

    /**
     * Reads the manifest beside {@code model}, if there is one.
     *
     * @throws ModelException when it exists but cannot be read, is not YAML, has an unknown key or a value of the
     *     wrong type or range; the message names the file, the key and the fix
     */
    public static Optional<ModelManifest> readBeside(Path model) throws ModelException {
        Path file = fileFor(model);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(Files.readString(file, StandardCharsets.UTF_8), file));
        } catch (IOException e) {
            throw new ModelException("Cannot read model manifest " + file + ": " + e
                    + ". Fix: make it readable by the appliance user, or remove it");
        }
    }

    /**
     * Parses manifest text; {@code file} is used in messages and kept in the result.
     *
     * @throws ModelException as {@link #readBeside(Path)}
     */
    public static ModelManifest parse(String yaml, Path file) throws ModelException {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new ModelException("Model manifest " + file + " is not valid YAML: " + e.getMessage()
                    + ". Fix: correct the YAML (see the key list in the model documentation)");
        }
        if (root == null) {
            return new ModelManifest(file, null, null, null, null, List.of(), 0, 0, Float.NaN, Float.NaN, null);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new ModelException("Model manifest " + file + " must be a mapping of keys ("
                    + String.join(", ", sorted(KEYS)) + "), not " + describe(root));
        }
        checkKeys(map, KEYS, "", file);
        int[] input = input(map.get("input"), file);
        TensorLayout layout = layout(map.get("input"), file);
        String decoder = string(map, "decoder", file, false);
        int[] keypoints = keypoints(map.get("keypoints"), file);
        return new ModelManifest(file, string(map, "name", file, true), string(map, "version", file, true),
                decoder == null ? null : decoder.toLowerCase(Locale.ROOT), string(map, "task", file, false),
                labels(map.get("labels"), file), input[0], input[1], fraction(map, "confidence", file),
                fraction(map, "iou", file), string(map, "description", file, true), layout,
                preprocess(map.get("preprocess"), file), keypoints[0], keypoints[1], strides(map.get("strides"), file),
                bool(map, "softmax", file), anomaly(map.get("anomaly"), file), sha256(map.get("sha256"), file));
    }

    private static String sha256(Object value, Path file) throws ModelException {
        if (value == null) {
            return null;
        }
        if (value instanceof String s && s.trim().matches("[0-9a-fA-F]{64}")) {
            return s.trim().toLowerCase(Locale.ROOT);
        }
        throw new ModelException("Model manifest " + file + ": 'sha256' is " + describe(value)
                + "; it must be the 64 hex digits of the model file's sha256 (sha256sum NAME.onnx), quoted if YAML"
                + " reads it as a number, or be removed");
    }

    private static PreprocessOverrides preprocess(Object value, Path file) throws ModelException {
        if (value == null) {
            return PreprocessOverrides.NONE;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ModelException("Model manifest " + file + ": 'preprocess' is " + describe(value)
                    + "; write it as preprocess: {resize: letterbox, color: rgb, scale: 1/255}");
        }
        checkKeys(map, PREPROCESS_KEYS, "preprocess.", file);
        try {
            String resize = string(map, "resize", file, false);
            String color = string(map, "color", file, false);
            Object pad = map.get("pad");
            if (pad != null && !(pad instanceof Integer p && p >= 0 && p <= 255)) {
                throw new ModelException("Model manifest " + file + ": preprocess.pad is " + describe(pad)
                        + "; it must be a gray level 0..255, e.g. pad: 114");
            }
            return new PreprocessOverrides(resize == null ? null : ResizeMode.parse(resize),
                    color == null ? null : ColorOrder.parse(color), scale(map.get("scale"), file),
                    channels(map.get("mean"), "mean", file), channels(map.get("std"), "std", file), (Integer) pad);
        } catch (IllegalArgumentException e) {
            throw new ModelException("Model manifest " + file + ": preprocess: " + e.getMessage());
        }
    }

    private static Float scale(Object value, Path file) throws ModelException {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && Double.isFinite(n.doubleValue()) && n.doubleValue() != 0) {
            return n.floatValue();
        }
        if (value instanceof String s && s.matches("\\s*[0-9.]+\\s*/\\s*[0-9.]+\\s*")) {
            String[] parts = s.split("/");
            try {
                double v = Double.parseDouble(parts[0].trim()) / Double.parseDouble(parts[1].trim());
                if (Double.isFinite(v) && v != 0) {
                    return (float) v;
                }
            } catch (NumberFormatException e) {
                // Reported below.
            }
        }
        throw new ModelException("Model manifest " + file + ": preprocess.scale is " + describe(value)
                + "; it must be a non-zero number or a fraction, e.g. scale: 1/255 (inputs 0..1) or scale: 1 (0..255)");
    }

    private static ChannelValues channels(Object value, String key, Path file) throws ModelException {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list && list.size() == 3 && list.stream().allMatch(v -> v instanceof Number)) {
            List<Number> numbers = new ArrayList<>();
            list.forEach(v -> numbers.add((Number) v));
            return ChannelValues.of(numbers);
        }
        throw new ModelException("Model manifest " + file + ": preprocess." + key + " is " + describe(value)
                + "; it must be three numbers in tensor channel order, e.g. " + key + ": "
                + (key.equals("mean") ? "[0.485, 0.456, 0.406]" : "[0.229, 0.224, 0.225]"));
    }

    private static TensorLayout layout(Object input, Path file) throws ModelException {
        if (!(input instanceof Map<?, ?> map) || map.get("layout") == null) {
            return null;
        }
        try {
            return TensorLayout.parse(String.valueOf(map.get("layout")));
        } catch (IllegalArgumentException e) {
            throw new ModelException("Model manifest " + file + ": input.layout: " + e.getMessage());
        }
    }

    /** Returns {keypoints, dims}, zeros when absent. */
    private static int[] keypoints(Object value, Path file) throws ModelException {
        if (value == null) {
            return new int[] {0, 0};
        }
        if (value instanceof List<?> list && list.size() == 2 && list.get(0) instanceof Integer k
                && list.get(1) instanceof Integer d && k > 0 && (d == 2 || d == 3)) {
            return new int[] {k, d};
        }
        throw new ModelException("Model manifest " + file + ": 'keypoints' is " + describe(value)
                + "; write [keypoints per object, values per keypoint (2 or 3)], e.g. keypoints: [17, 3]");
    }

    private static List<Integer> strides(Object value, Path file) throws ModelException {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list && !list.isEmpty()
                && list.stream().allMatch(v -> v instanceof Integer s && s > 0 && s <= 1024)) {
            List<Integer> strides = new ArrayList<>();
            list.forEach(v -> strides.add((Integer) v));
            return strides;
        }
        throw new ModelException("Model manifest " + file + ": 'strides' is " + describe(value)
                + "; write the feature-map strides, finest first, e.g. strides: [8, 16, 32]");
    }

    private static Boolean bool(Map<?, ?> map, String key, Path file) throws ModelException {
        Object value = map.get(key);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        throw new ModelException("Model manifest " + file + ": '" + key + "' is " + describe(value)
                + "; it must be true or false");
    }

    private static AnomalyThresholds anomaly(Object value, Path file) throws ModelException {
        if (value == null) {
            return AnomalyThresholds.NONE;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ModelException("Model manifest " + file + ": 'anomaly' is " + describe(value)
                    + "; write it as anomaly: {image_threshold: T, pixel_threshold: P, min: MIN, max: MAX}");
        }
        checkKeys(map, ANOMALY_KEYS, "anomaly.", file);
        float image = number(map, "image_threshold", file);
        if (Float.isNaN(image)) {
            throw new ModelException("Model manifest " + file + ": anomaly.image_threshold is missing; copy"
                    + " image_threshold from the metadata.json anomalib wrote beside the export");
        }
        float min = number(map, "min", file);
        float max = number(map, "max", file);
        if (Float.isNaN(min) != Float.isNaN(max)) {
            throw new ModelException("Model manifest " + file + ": anomaly needs both min and max (or neither), got"
                    + " min " + map.get("min") + " and max " + map.get("max"));
        }
        try {
            return new AnomalyThresholds(image, number(map, "pixel_threshold", file), min, max);
        } catch (IllegalArgumentException e) {
            throw new ModelException("Model manifest " + file + ": " + e.getMessage());
        }
    }

    private static float number(Map<?, ?> map, String key, Path file) throws ModelException {
        Object value = map.get(key);
        if (value == null) {
            return Float.NaN;
        }
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.floatValue();
        }
        throw new ModelException("Model manifest " + file + ": anomaly." + key + " is " + describe(value)
                + "; it must be a number");
    }

    private static void checkKeys(Map<?, ?> map, Set<String> known, String prefix, Path file) throws ModelException {
        for (Object key : map.keySet()) {
            if (!(key instanceof String name) || !known.contains(name)) {
                String nearest = Nearest.of(String.valueOf(key), known);
                throw new ModelException("Model manifest " + file + ": unknown key '" + prefix + key + "'"
                        + (nearest == null ? "" : "; did you mean '" + prefix + nearest + "'?")
                        + " Known keys: " + String.join(", ", sorted(known)));
            }
        }
    }

    private static String string(Map<?, ?> map, String key, Path file, boolean numbersAllowed) throws ModelException {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof String s && !s.isBlank()) {
            return s.trim();
        }
        if (numbersAllowed && value instanceof Number) {
            return value.toString();
        }
        throw new ModelException("Model manifest " + file + ": '" + key + "' is " + describe(value)
                + "; it must be a non-empty text (quote it if YAML reads it as something else)");
    }

    private static List<String> labels(Object value, Path file) throws ModelException {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new ModelException("Model manifest " + file + ": 'labels' is " + describe(value)
                    + "; it must be a non-empty list of class names in class-id order, e.g. labels: [scratch, dent]");
        }
        List<String> labels = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item instanceof String s && !s.isBlank()) {
                labels.add(s.trim());
            } else if (item instanceof Integer || item instanceof Long) {
                labels.add(item.toString());
            } else {
                throw new ModelException("Model manifest " + file + ": labels[" + i + "] is " + describe(item)
                        + "; every label must be a text: quote it (YAML reads yes/no/on/off as booleans)");
            }
        }
        return labels;
    }

    /** Returns {width, height}, zeros when absent. */
    private static int[] input(Object value, Path file) throws ModelException {
        if (value == null) {
            return new int[] {0, 0};
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new ModelException("Model manifest " + file + ": 'input' is " + describe(value)
                    + "; write it as input: {width: 640, height: 640}");
        }
        checkKeys(map, INPUT_KEYS, "input.", file);
        if (map.get("width") == null && map.get("height") == null) {
            return new int[] {0, 0};
        }
        return new int[] {side(map, "width", file), side(map, "height", file)};
    }

    private static int side(Map<?, ?> map, String key, Path file) throws ModelException {
        Object value = map.get(key);
        if (value instanceof Integer side && side > 0 && side <= 16_384) {
            return side;
        }
        throw new ModelException("Model manifest " + file + ": input." + key + " is " + describe(value)
                + "; it must be a pixel count in 1..16384, e.g. input: {width: 640, height: 640}");
    }

    private static float fraction(Map<?, ?> map, String key, Path file) throws ModelException {
        Object value = map.get(key);
        if (value == null) {
            return Float.NaN;
        }
        if (value instanceof Number number && number.doubleValue() > 0 && number.doubleValue() <= 1) {
            return number.floatValue();
        }
        throw new ModelException("Model manifest " + file + ": '" + key + "' is " + describe(value)
                + "; it must be a number in (0, 1], e.g. " + key + ": " + (key.equals("iou") ? "0.45" : "0.25"));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "missing";
        }
        if (value instanceof String s) {
            return "'" + s + "'";
        }
        return value + " (" + value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + ")";
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
