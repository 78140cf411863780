package io.loupe.appliance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.loupe.mqtt.command.Command;
import io.loupe.mqtt.command.CommandHandler;
import io.loupe.mqtt.command.CommandRejected;
import io.loupe.mqtt.command.CommandResult;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * MQTT commands on {@code loupe/<site>/<node>/<pipeline>/<setting>/set}: {@code enabled} ({@code true}/{@code false}),
 * {@code trigger} ({@code {"part": "A-1042", "at": "2026-…Z"}} or just {@code "A-1042"}) and, for a gait pipeline,
 * {@code session} ({@code "P-0042"}: the pseudonym the next bouts carry). Each is checked fully before
 * it is applied; the link publishes the applied value on {@code …/state} and rejections on {@code …/error}.
 */
final class Commands implements CommandHandler {
    private final Appliance appliance;

    Commands(Appliance appliance) {
        this.appliance = appliance;
    }

    @Override
    public CommandResult handle(Command c) throws CommandRejected {
        JsonNode v = c.value();
        switch (c.setting()) {
            case "enabled" -> {
                if (v == null || !v.isBoolean()) {
                    throw CommandRejected.invalidValue("enabled takes true or false");
                }
                try {
                    appliance.applyEnabled(c.pipeline(), v.booleanValue());
                } catch (IllegalArgumentException e) {
                    throw CommandRejected.unknownPipeline(e.getMessage());
                } catch (PipelineNotRunning e) {
                    throw CommandRejected.refused(e.getMessage());
                }
                return CommandResult.applied(v);
            }
            case "trigger" -> {
                String part = v == null ? null : v.isTextual() ? v.textValue() : v.path("part").asText(null);
                if (part == null || part.isBlank()) {
                    throw CommandRejected.invalidValue("trigger takes {\"part\": \"ID\", \"at\": \"ISO-8601 time\"} or \"ID\"");
                }
                Instant at;
                try {
                    at = v.hasNonNull("at") ? Instant.parse(v.get("at").asText()) : Instant.now();
                } catch (DateTimeParseException e) {
                    throw CommandRejected.invalidValue("at must be an ISO-8601 time such as 2026-11-27T03:40:12.331Z");
                }
                try {
                    appliance.trigger(c.pipeline(), part, at);
                } catch (IllegalArgumentException | PipelineNotRunning e) {
                    throw CommandRejected.refused(e.getMessage());
                } catch (IllegalStateException e) {
                    throw CommandRejected.refused(e.getMessage() + " (trigger slower, or raise settings.trigger.maxPending)");
                }
                return CommandResult.applied(v);
            }
            case "session" -> {
                JsonNode text = v == null || v.isTextual() ? v : v.path("session");
                String session = text != null && text.isTextual() ? text.textValue() : null;
                if (session == null || session.isBlank()) {
                    throw CommandRejected.invalidValue("session takes \"ID\" or {\"session\": \"ID\"}: a pseudonym"
                            + " (1-64 of A-Z a-z 0-9 . _ -), never a name");
                }
                try {
                    appliance.applySession(c.pipeline(), session);
                } catch (IllegalArgumentException | PipelineNotRunning e) {
                    throw CommandRejected.refused(e.getMessage());
                }
                return CommandResult.applied(TextNode.valueOf(session));
            }
            default -> throw CommandRejected.unknownSetting("'" + c.setting() + "' cannot be set: use enabled, trigger"
                    + " or session");
        }
    }
}
