package io.loupe.mqtt.payload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON mapping of payload records, the same as the appliance's: snake_case keys, ISO-8601 timestamps
 * ({@code 2026-11-27T03:40:12.345Z}), nulls written as {@code null}.
 */
public final class PayloadJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private PayloadJson() {
    }

    /**
     * @throws IllegalArgumentException when the record cannot be written as JSON (a programming error)
     */
    public static byte[] bytes(Object payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload " + payload.getClass().getSimpleName()
                    + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
