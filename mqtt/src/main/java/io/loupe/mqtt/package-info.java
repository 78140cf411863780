/**
 * The appliance's MQTT side: the topic contract ({@link io.loupe.mqtt.Topics}, DESIGN §6), a Paho MQTT v5 link whose
 * lifecycle the appliance owns ({@link io.loupe.mqtt.MqttLink}: starts and keeps working with the broker down,
 * reconnects forever with back-off, announces {@code online}/birth at every connect and {@code offline} as last will),
 * the {@link io.loupe.mqtt.Outbox} every message goes through before the broker acknowledges it
 * ({@link io.loupe.mqtt.MemoryOutbox} now; a SQLite WAL outbox comes with the durability issue), and an in-process
 * HiveMQ CE broker for the demo and tests ({@link io.loupe.mqtt.EmbeddedBroker}).
 */
package io.loupe.mqtt;
