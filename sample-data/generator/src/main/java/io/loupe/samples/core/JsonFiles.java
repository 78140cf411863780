package io.loupe.samples.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Writes and reads ground-truth records as JSON in a fixed, diff-friendly layout: the top-level fields in their
 * declared order, one per line, and an array of objects one element per line. No timestamps or absolute paths are
 * added, so the same scene always gives the same bytes.
 */
public final class JsonFiles {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private JsonFiles() {
    }

    /**
     * Writes {@code record} to {@code file}, replacing it.
     *
     * @throws IOException when the file cannot be written; the message names it
     */
    public static void write(Object record, Path file) throws IOException {
        JsonNode root = MAPPER.valueToTree(record);
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
        } catch (IOException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage()
                    + "; check that the folder exists and is writable", e);
        }
    }

    /**
     * Reads a ground-truth file as {@code type} and checks its {@code schema} field.
     *
     * @param schema the schema id the file must carry
     * @param schemaOf how to get the schema id from the record
     * @throws IOException when the file is missing, malformed, or of another schema; the message names the file
     */
    public static <T> T read(Path file, Class<T> type, String schema, java.util.function.Function<T, String> schemaOf)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no ground truth file at " + file.toAbsolutePath()
                    + "; generate one with: loupe samples --out DIR --seed N --domain …");
        }
        T value;
        try {
            value = MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new IOException("cannot read ground truth " + file + ": " + e.getMessage(), e);
        }
        if (!schema.equals(schemaOf.apply(value))) {
            throw new IOException("ground truth " + file + " has schema '" + schemaOf.apply(value) + "', expected '"
                    + schema + "'; regenerate it with this version of loupe samples");
        }
        return value;
    }
}
