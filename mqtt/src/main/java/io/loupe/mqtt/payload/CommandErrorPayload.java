package io.loupe.mqtt.payload;

import java.time.Instant;

/**
 * {@code loupe.command.error/1} on {@code loupe/<site>/<node>/<pipeline>/error}: a command that was rejected, with
 * nothing applied.
 *
 * @param schema           {@value #SCHEMA}
 * @param ts               when it was rejected
 * @param site             site id
 * @param node             node id
 * @param pipeline         the pipeline level of the command's topic
 * @param setting          the setting level of the command's topic
 * @param error            {@link io.loupe.mqtt.command.CommandError#code()}: {@code malformed}, {@code retained},
 *                         {@code not_in_acl}, {@code unknown_pipeline}, {@code unknown_setting},
 *                         {@code invalid_value}, {@code refused}, {@code busy}, {@code failed}
 * @param reason           what was wrong and how to fix it
 * @param payload          the payload as received, as UTF-8 text, cut at {@value #MAX_PAYLOAD_CHARS} characters
 * @param payloadBytes     the payload's full length in bytes
 * @param payloadTruncated whether {@code payload} was cut
 */
public record CommandErrorPayload(String schema, Instant ts, String site, String node, String pipeline,
                                  String setting, String error, String reason, String payload, int payloadBytes,
                                  boolean payloadTruncated) {

    public static final String SCHEMA = PayloadSchemas.COMMAND_ERROR;
    /** Longest payload echoed back. */
    public static final int MAX_PAYLOAD_CHARS = 256;
}
