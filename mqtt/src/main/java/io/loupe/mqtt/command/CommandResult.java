package io.loupe.mqtt.command;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a {@link CommandHandler} applied: the link publishes {@code value} retained on
 * {@code …/<pipeline>/<setting>/state} ({@code loupe.command.state/1}).
 *
 * @param value the value now in force (for an action such as a trigger, what it did), as JSON
 */
public record CommandResult(JsonNode value) {

    public CommandResult {
        Objects.requireNonNull(value, "value: return the value now in force, e.g. IntNode/DoubleNode/TextNode");
    }

    public static CommandResult applied(JsonNode value) {
        return new CommandResult(value);
    }
}
