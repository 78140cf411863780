/**
 * The appliance's MQTT side: the topic contract ({@link io.loupe.mqtt.Topics}, DESIGN §6), a Paho link (MQTT 5 or
 * 3.1.1, TLS with client certificates) whose lifecycle the appliance owns ({@link io.loupe.mqtt.MqttLink}: starts and
 * keeps working with the broker down, reconnects forever with back-off, announces {@code online}/birth at every
 * connect and {@code offline} as last will, receives commands), the {@link io.loupe.mqtt.Outbox} every message goes
 * through before the broker acknowledges it ({@link io.loupe.mqtt.SqliteOutbox}, durable across restarts and kill -9;
 * {@link io.loupe.mqtt.MemoryOutbox} for tests), and an in-process HiveMQ CE broker for the demo and tests
 * ({@link io.loupe.mqtt.EmbeddedBroker}). Payload records and JSON Schemas are in {@code io.loupe.mqtt.payload},
 * the command SPI in {@code io.loupe.mqtt.command}, the outbox benchmark in {@code io.loupe.mqtt.bench}.
 */
package io.loupe.mqtt;
