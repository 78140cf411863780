package io.loupe.mqtt;

/**
 * One message waiting in an {@link Outbox}.
 *
 * @param id       assigned by the outbox, increasing in append order
 * @param topic    the MQTT topic
 * @param payload  the bytes as given to {@link Outbox#append}; not copied, never modify them
 * @param retained whether the broker keeps it as the topic's retained message
 */
public record OutboxMessage(long id, String topic, byte[] payload, boolean retained) {
}
