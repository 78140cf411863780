package io.loupe.models.metadata;

import io.loupe.models.ModelException;
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
 * input: {width: 640, height: 640}
 * confidence: 0.3
 * iou: 0.5
 * description: NEU steel surface defects
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
 */
public record ModelManifest(Path file, String name, String version, String decoder, String task,
        List<String> labels, int inputWidth, int inputHeight, float confidence, float iou, String description) {

    /** The keys a manifest may have. */
    public static final Set<String> KEYS =
            Set.of("name", "version", "decoder", "task", "labels", "input", "confidence", "iou", "description");

    private static final Set<String> INPUT_KEYS = Set.of("width", "height");

    public ModelManifest {
        labels = List.copyOf(labels);
    }

    /** {@code dir/NAME.model.yml} for {@code dir/NAME.onnx}. */
    public static Path fileFor(Path model) {
        String fileName = model.getFileName().toString();
        String stem = fileName.toLowerCase(Locale.ROOT).endsWith(".onnx")
                ? fileName.substring(0, fileName.length() - ".onnx".length())
                : fileName;
        return model.resolveSibling(stem + ".model.yml");
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
        String decoder = string(map, "decoder", file, false);
        return new ModelManifest(file, string(map, "name", file, true), string(map, "version", file, true),
                decoder == null ? null : decoder.toLowerCase(Locale.ROOT), string(map, "task", file, false),
                labels(map.get("labels"), file), input[0], input[1], fraction(map, "confidence", file),
                fraction(map, "iou", file), string(map, "description", file, true));
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
