/**
 * The JSON payloads of DESIGN §6 that this module defines ({@code loupe.pipeline.stats/1},
 * {@code loupe.pipeline.event/1}, {@code loupe.command.state/1}, {@code loupe.command.error/1}) as records, their JSON
 * mapping ({@link io.loupe.mqtt.payload.PayloadJson}: snake_case keys, ISO-8601 timestamps), and the JSON Schemas of
 * every payload kind, the appliance's result and birth included ({@link io.loupe.mqtt.payload.PayloadSchemas},
 * {@code src/main/resources/schemas/}).
 */
package io.loupe.mqtt.payload;
