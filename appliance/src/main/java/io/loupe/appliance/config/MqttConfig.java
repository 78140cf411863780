package io.loupe.appliance.config;

/**
 * The broker link.
 *
 * @param url              {@code embedded} (an in-process broker), or {@code tcp://host:1883}, {@code ssl://host:8883}
 * @param host             embedded broker bind address
 * @param port             embedded broker port
 * @param clientId         MQTT client id; empty for {@code loupe-<site>-<node>}
 * @param username         user name, or empty
 * @param password         password, or empty (never shown on the page or in logs)
 * @param qos              QoS of results: 0, 1 or 2
 * @param keepAliveSeconds MQTT keep-alive
 * @param maxPending       with {@code outbox: memory}: messages kept while the broker is away before the oldest are
 *                         dropped (and counted)
 * @param outbox           sqlite (default: every message is written to {@code <dataDir>/outbox.db} before it is sent,
 *                         survives restarts and kill -9) or memory (lost on restart)
 */
public record MqttConfig(String url, String host, int port, String clientId, String username, String password, int qos,
                         int keepAliveSeconds, int maxPending, OutboxKind outbox) {

    /** Where messages wait for the broker. */
    public enum OutboxKind { SQLITE, MEMORY }

    public static MqttConfig defaults() {
        return new MqttConfig("embedded", "127.0.0.1", 1883, null, null, null, 1, 30, 10_000, OutboxKind.SQLITE);
    }

    public boolean embedded() {
        return "embedded".equalsIgnoreCase(url);
    }
}
