package io.loupe.mqtt;

import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLSocketFactory;

/**
 * One broker connection of {@link MqttLink}: a fresh Paho client (MQTT 5 or 3.1.1) with memory persistence, used until
 * the connection is lost and then thrown away. A fresh client per connection means Paho never re-sends its own
 * in-flight messages after a reconnect (Paho 1.2.5 re-sends them with a stale topic alias, eclipse-paho#1104): the
 * {@link Outbox} owns redelivery.
 *
 * <p>Exception contract: {@link ConnectionFailure} (with its {@link ConnectionFailure.Kind}) from {@link #open},
 * {@link #publish} and {@link #subscribe}; the other methods never throw.
 */
interface BrokerConnection {

    /** How a publish ended. */
    enum Outcome {
        /** The broker acknowledged it (QoS 1/2), or it was written (QoS 0). */
        ACKED,
        /** The broker refused it with an error reason code, or it cannot be sent (too large): resending won't help. */
        REFUSED,
        /** It did not make it, e.g. the connection died: send it again. */
        FAILED
    }

    /** Told on Paho's threads; implementations must not block and must not throw (Paho would drop the connection). */
    interface Events {
        /** A publish made with a non-null context completed. */
        void completed(BrokerConnection connection, Object context, String topic, Outcome outcome, String detail);

        /** A message arrived on a subscription. */
        void arrived(String topic, byte[] payload, boolean retained);

        /** The connection was lost (the reason is in {@link #lossReason()}). */
        void lost();
    }

    /**
     * Connects, blocking the calling (link) thread up to the connect timeout; the will is retained {@code will} on
     * {@code topics.status()}.
     *
     * @param tls null for a plain connection (or the JVM's default TLS for an {@code ssl://} URL)
     * @throws ConnectionFailure when the broker cannot be reached or refuses us; its message says why and what to check
     */
    static BrokerConnection open(MqttSettings s, Topics topics, LinkTuning tuning, SSLSocketFactory tls,
                                 ScheduledExecutorService executor, byte[] will, Events events)
            throws ConnectionFailure {
        return s.protocol() == MqttProtocol.V5
                ? Paho5Connection.open(s, topics, tuning, tls, executor, will, events)
                : Paho3Connection.open(s, topics, tuning, tls, executor, will, events);
    }

    /**
     * Hands one message to Paho; {@link Events#completed} follows when {@code context} is not null.
     *
     * @throws ConnectionFailure e.g. {@link ConnectionFailure.Kind#NOT_CONNECTED},
     *                           {@link ConnectionFailure.Kind#TOO_MANY_IN_FLIGHT}
     */
    void publish(String topic, byte[] payload, int qos, boolean retained, Object context) throws ConnectionFailure;

    /** Publishes and waits for the acknowledgement; false when it failed or timed out (then logged). */
    boolean publishAndWait(String topic, byte[] payload, int qos, boolean retained, long timeoutMillis);

    /**
     * Subscribes and waits for the broker's answer, asking not to get the retained messages of the filter (MQTT 5
     * retain handling 2) nor our own publications.
     *
     * @throws ConnectionFailure when the broker refused it or did not answer in time
     */
    void subscribe(String filter, int qos, long timeoutMillis) throws ConnectionFailure;

    /** Most messages this connection may have unacknowledged (ours and the broker's Receive Maximum). */
    int window();

    int inFlight();

    boolean up();

    /** Why the connection is gone, or null while it is up. */
    String lossReason();

    long ageNanos();

    /** Marks the connection as gone (first reason wins) and tells {@link Events#lost()}. */
    void markLost(String reason);

    /** Normal DISCONNECT (the broker discards the will), then releases the client. */
    void disconnect(long timeoutMillis);

    /**
     * Drops the connection without DISCONNECT (if still open, the broker publishes the will) and releases the
     * client and its threads. Idempotent.
     */
    void abandon();
}
