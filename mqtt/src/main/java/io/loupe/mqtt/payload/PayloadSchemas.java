package io.loupe.mqtt.payload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The JSON Schemas (draft 2020-12) of every payload kind, in {@code src/main/resources/schemas/}: schema id
 * {@code loupe.defect.result/1} is the resource {@code schemas/loupe.defect.result.v1.json}. Formats are asserted
 * ({@code date-time} must be ISO-8601 with a zone). Every schema allows an optional boolean {@code replayed}, which the
 * link inserts into payloads that waited in the outbox. Thread-safe.
 */
public final class PayloadSchemas {

    public static final String DEFECT_RESULT = "loupe.defect.result/1";
    public static final String PEST_RESULT = "loupe.pest.result/1";
    public static final String GAIT_RESULT = "loupe.gait.result/1";
    public static final String STATUS_BIRTH = "loupe.status.birth/1";
    public static final String PIPELINE_STATS = "loupe.pipeline.stats/1";
    public static final String PIPELINE_EVENT = "loupe.pipeline.event/1";
    public static final String COMMAND_STATE = "loupe.command.state/1";
    public static final String COMMAND_ERROR = "loupe.command.error/1";
    public static final String CAMERA_STATUS = "loupe.camera.status/1";

    private static final List<String> IDS = List.of(DEFECT_RESULT, PEST_RESULT, GAIT_RESULT, STATUS_BIRTH, PIPELINE_STATS, PIPELINE_EVENT,
            COMMAND_STATE, COMMAND_ERROR, CAMERA_STATUS);
    private static final ObjectMapper READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private PayloadSchemas() {
    }

    /** Every schema id, e.g. {@code loupe.defect.result/1}. */
    public static List<String> ids() {
        return IDS;
    }

    /** The class-path resource of a schema id: {@code schemas/loupe.defect.result.v1.json}. */
    public static String resource(String schemaId) {
        int slash = schemaId.lastIndexOf('/');
        return "schemas/" + schemaId.substring(0, slash) + ".v" + schemaId.substring(slash + 1) + ".json";
    }

    /**
     * Checks a payload against its schema.
     *
     * @param schemaId e.g. {@link #DEFECT_RESULT}
     * @param json     the payload as published
     * @return the problems, each {@code "<JSON path>: <what is wrong>"}; empty when the payload is valid (a payload
     *         that is not JSON gives one problem saying so)
     * @throws IllegalArgumentException for an unknown schema id, naming the known ones
     */
    public static List<String> validate(String schemaId, byte[] json) {
        Schema schema = Holder.SCHEMAS.get(schemaId);
        if (schema == null) {
            throw new IllegalArgumentException("no JSON Schema \"" + schemaId + "\": known are " + IDS);
        }
        JsonNode node;
        try {
            node = READER.readTree(json);
        } catch (JsonProcessingException e) {
            return List.of("$: not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (node == null || node.isMissingNode()) {
            return List.of("$: empty payload, a JSON object was expected");
        }
        List<String> problems = new ArrayList<>();
        for (Error e : schema.validate(node)) {
            problems.add(e.toString());
        }
        return problems;
    }

    /** Schemas load on first use. */
    private static final class Holder {
        static final Map<String, Schema> SCHEMAS = load();

        private static Map<String, Schema> load() {
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
            Map<String, Schema> out = new LinkedHashMap<>();
            for (String id : IDS) {
                String resource = resource(id);
                try (InputStream in = PayloadSchemas.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("JSON Schema " + resource + " is missing from the class path");
                    }
                    out.put(id, registry.getSchema(in));
                } catch (IOException e) {
                    throw new UncheckedIOException("JSON Schema " + resource + " cannot be read", e);
                }
            }
            return Map.copyOf(out);
        }
    }
}
