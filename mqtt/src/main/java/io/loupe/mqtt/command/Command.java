package io.loupe.mqtt.command;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One command received on {@code loupe/<site>/<node>/<pipeline>/<setting>/set}, already checked by the link: not
 * retained, allowed by the ACL, and well-formed JSON.
 *
 * @param pipeline the pipeline level of the topic (not checked against the configuration: that is the handler's job)
 * @param setting  the setting level of the topic
 * @param payload  the payload as received
 * @param value    the payload parsed: a number ({@code 0.6}), a boolean, a string in quotes, an object or an array
 */
public record Command(String pipeline, String setting, byte[] payload, JsonNode value) {

    public Command {
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(value, "value");
    }

    /** The payload as UTF-8 text. */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "Command[" + pipeline + "/" + setting + " = " + value + "]";
    }
}
