package io.loupe.samples.defect.truth;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads and writes {@code ground-truth.json}. The layout is fixed and diff-friendly: the top-level fields in order,
 * one part and one frame per line, no timestamps or paths, so the same scene always gives the same bytes.
 */
public final class GroundTruthFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private GroundTruthFiles() {
    }

    /** Writes {@code truth} to {@code file}, replacing it. */
    public static void write(DefectGroundTruth truth, Path file) throws IOException {
        ObjectNode root = MAPPER.valueToTree(truth);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\n");
            Iterator<Map.Entry<String, JsonNode>> fields = root.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                out.write("  " + MAPPER.writeValueAsString(field.getKey()) + ": ");
                JsonNode value = field.getValue();
                if (value.isArray() && value.size() > 0 && value.get(0).isContainerNode()) {
                    out.write("[\n");
                    for (int i = 0; i < value.size(); i++) {
                        out.write("    " + MAPPER.writeValueAsString(value.get(i)));
                        out.write(i + 1 < value.size() ? ",\n" : "\n");
                    }
                    out.write("  ]");
                } else {
                    out.write(MAPPER.writeValueAsString(value));
                }
                out.write(fields.hasNext() ? ",\n" : "\n");
            }
            out.write("}\n");
        }
    }

    /**
     * Reads a ground truth file.
     *
     * @throws IOException when the file is missing or is not a {@value DefectGroundTruth#SCHEMA} document; the
     *                     message names the file
     */
    public static DefectGroundTruth read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no ground truth file at " + file.toAbsolutePath()
                    + "; generate one with: loupe samples --out DIR --seed N");
        }
        DefectGroundTruth truth;
        try {
            truth = MAPPER.readValue(file.toFile(), DefectGroundTruth.class);
        } catch (IOException e) {
            throw new IOException("cannot read ground truth " + file + ": " + e.getMessage(), e);
        }
        if (!DefectGroundTruth.SCHEMA.equals(truth.schema())) {
            throw new IOException("ground truth " + file + " has schema '" + truth.schema() + "', expected '"
                    + DefectGroundTruth.SCHEMA + "'; regenerate it with this version of loupe samples");
        }
        return truth;
    }
}
