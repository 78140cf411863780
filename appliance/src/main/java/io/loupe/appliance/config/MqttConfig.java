package io.loupe.appliance.config;

import java.nio.file.Path;
import java.util.List;

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
 * @param protocol         MQTT version: "5" (default) or "3.1.1"
 * @param topicQos         QoS per kind of topic (result, event, stats, state, error, status); absent: {@code qos} for all
 * @param tls              PEM files for {@code ssl://} brokers: caFile, certFile + keyFile for a client certificate
 * @param cleanStart       false resumes the broker's session (commands sent while away arrive); needs
 *                         sessionExpirySeconds above 0 on MQTT 5
 * @param sessionExpirySeconds how long the broker keeps the session after a disconnect (MQTT 5)
 * @param commandAcl       settings that may be changed over MQTT ({@code setting} or {@code pipeline/setting});
 *                         absent: every setting the appliance knows; empty list: none
 */
public record MqttConfig(String url, String host, int port, String clientId, String username, String password, int qos,
                         int keepAliveSeconds, int maxPending, OutboxKind outbox, String protocol,
                         TopicQosConfig topicQos, TlsConfig tls, boolean cleanStart, long sessionExpirySeconds,
                         List<String> commandAcl) {

    /**
     * QoS per kind of topic.
     *
     * @param result results  @param event alerts  @param stats periodic statistics  @param state applied commands
     * @param error rejected commands  @param status online/offline, birth and camera states
     */
    public record TopicQosConfig(int result, int event, int stats, int state, int error, int status) {
        public static TopicQosConfig defaults() {
            return new TopicQosConfig(1, 1, 1, 1, 1, 1);
        }
    }

    /**
     * PEM files for TLS.
     *
     * @param caFile         the CA that signed the broker's certificate; absent: the JVM's default CAs
     * @param certFile       client certificate, with keyFile, for brokers that require one
     * @param keyFile        its unencrypted PKCS#8 key
     * @param verifyHostname check the broker's certificate names its host
     */
    public record TlsConfig(Path caFile, Path certFile, Path keyFile, boolean verifyHostname) {
        public static TlsConfig defaults() {
            return new TlsConfig(null, null, null, true);
        }
    }

    /** Where messages wait for the broker. */
    public enum OutboxKind { SQLITE, MEMORY }

    public static MqttConfig defaults() {
        return new MqttConfig("embedded", "127.0.0.1", 1883, null, null, null, 1, 30, 10_000, OutboxKind.SQLITE, "5",
                null, null, true, 0, null);
    }

    public boolean embedded() {
        return "embedded".equalsIgnoreCase(url);
    }
}
