package io.loupe.mqtt.payload;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code loupe.command.state/1}, retained on {@code loupe/<site>/<node>/<pipeline>/<setting>/state}: the value of a
 * setting now in force, after a command or when the appliance publishes its settings.
 *
 * @param schema   {@value #SCHEMA}
 * @param ts       when it was applied
 * @param site     site id
 * @param node     node id
 * @param pipeline pipeline id
 * @param setting  setting name
 * @param value    the value in force, as JSON (number, boolean, string, object or array)
 */
public record CommandStatePayload(String schema, Instant ts, String site, String node, String pipeline,
                                  String setting, JsonNode value) {

    public static final String SCHEMA = PayloadSchemas.COMMAND_STATE;
}
