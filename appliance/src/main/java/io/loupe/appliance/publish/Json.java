package io.loupe.appliance.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON mapping of payloads: snake_case keys, ISO-8601 timestamps. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Json() {
    }

    public static byte[] bytes(Object payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload " + payload.getClass().getSimpleName() + " is not serialisable", e);
        }
    }

    /** A payload as a JSON tree, to add to or nest. */
    public static com.fasterxml.jackson.databind.node.ObjectNode tree(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    public static String string(Object payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload " + payload.getClass().getSimpleName() + " is not serialisable", e);
        }
    }
}
