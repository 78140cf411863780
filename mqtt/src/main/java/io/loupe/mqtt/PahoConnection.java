package io.loupe.mqtt;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One broker connection: a fresh Paho {@link MqttAsyncClient} with memory persistence and clean start, used until
 * the connection is lost and then thrown away. A fresh client per connection means Paho never re-sends its own
 * in-flight messages after a reconnect (Paho 1.2.5 re-sends them with a stale topic alias, eclipse-paho#1104): the
 * {@link Outbox} owns redelivery.
 */
final class PahoConnection {

    /**
     * Told on Paho's callback thread when a publish completes: {@code failure} is null on success (then check the
     * token's reason codes). Must not block and must not throw: Paho would drop the connection.
     */
    interface Completion {
        void completed(PahoConnection connection, IMqttToken token, Throwable failure);
    }

    private static final Logger log = LoggerFactory.getLogger(PahoConnection.class);

    private final MqttAsyncClient client;
    private final Runnable onLoss;
    private final Completion completion;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final MqttActionListener listener = new Listener();
    private volatile int window = 1;
    private volatile String lossReason;
    private final long openedNanos = System.nanoTime();

    private PahoConnection(MqttAsyncClient client, Runnable onLoss, Completion completion) {
        this.client = client;
        this.onLoss = onLoss;
        this.completion = completion;
    }

    /**
     * Connects, blocking the calling (link) thread up to the connect timeout.
     *
     * @param offline the last-will payload, published retained on {@code topics.status()} if the connection dies
     * @throws MqttException when the broker cannot be reached or refuses the connection (nothing left open)
     */
    static PahoConnection open(MqttSettings s, Topics topics, LinkTuning tuning, ScheduledExecutorService executor,
                               byte[] offline, Runnable onLoss, Completion completion) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(s.url(), s.clientId(), new MemoryPersistence(), null, executor);
        PahoConnection c = new PahoConnection(client, onLoss, completion);
        client.setCallback(c.new Callback());
        try {
            IMqttToken token = client.connect(options(s, topics, tuning, offline));
            token.waitForCompletion(tuning.connectTimeout().toMillis() + 2_000);
            if (!client.isConnected()) {
                throw new MqttException(MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED);
            }
            MqttProperties props = token.getResponseProperties();
            Integer receiveMaximum = props == null ? null : props.getReceiveMaximum();
            c.window = Math.min(tuning.maxInFlight(), receiveMaximum == null ? 65_535 : receiveMaximum);
            return c;
        } catch (MqttException | RuntimeException e) {
            c.abandon();
            throw e;
        }
    }

    private static MqttConnectionOptions options(MqttSettings s, Topics topics, LinkTuning tuning, byte[] offline) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(true);
        o.setSessionExpiryInterval(0L);
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(s.keepAliveSeconds());
        o.setConnectionTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, tuning.connectTimeout().toSeconds())));
        // Topic Alias Maximum stays unset (0): the broker must not send us aliases. Paho picks outgoing aliases from
        // the broker's CONNACK; they live and die with this client, which is never reconnected.
        if (s.username() != null) {
            o.setUserName(s.username());
        }
        if (s.password() != null) {
            o.setPassword(utf8(s.password()));
        }
        MqttMessage will = new MqttMessage(offline);
        will.setQos(s.qos());
        will.setRetained(true);
        o.setWill(topics.status(), will);
        return o;
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = Arrays.copyOfRange(b.array(), b.position(), b.limit());
        Arrays.fill(b.array(), (byte) 0);
        return out;
    }

    /**
     * Hands one message to Paho; {@link Completion} is told when the broker acknowledges it (QoS 1/2) or it is
     * written (QoS 0).
     *
     * @param context given back as the token's user context ({@code null} for status messages)
     * @throws MqttException e.g. 32104 not connected, 32102 disconnecting, 32202 too many in flight
     */
    IMqttToken publish(String topic, byte[] payload, int qos, boolean retained, Object context)
            throws MqttException {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(qos);
        m.setRetained(retained);
        inFlight.incrementAndGet();
        try {
            return client.publish(topic, m, context, listener);
        } catch (MqttException | RuntimeException e) {
            inFlight.decrementAndGet();
            throw e;
        }
    }

    /** Most messages this connection may have unacknowledged (ours and the broker's Receive Maximum). */
    int window() {
        return window;
    }

    int inFlight() {
        return inFlight.get();
    }

    boolean up() {
        return lossReason == null;
    }

    /** Why the connection is gone, or null while it is up. */
    String lossReason() {
        return lossReason;
    }

    long ageNanos() {
        return System.nanoTime() - openedNanos;
    }

    /** Marks the connection as gone (first reason wins) and wakes the link. */
    void markLost(String reason) {
        if (lossReason == null) {
            lossReason = reason;
        }
        onLoss.run();
    }

    /** Normal DISCONNECT (the broker discards the will), then releases the client. */
    void disconnect(long timeoutMillis) {
        try {
            client.disconnect(timeoutMillis).waitForCompletion(timeoutMillis + 1_000);
        } catch (MqttException e) {
            log.debug("MQTT disconnect from {} failed: {}", client.getServerURI(), describe(e));
        }
        markLost("closed");
        closeClient();
    }

    /**
     * Drops the connection without DISCONNECT (if still open, the broker publishes the will) and releases the
     * client and its threads. Idempotent; never throws.
     */
    void abandon() {
        markLost("abandoned");
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1_000, false);
            }
        } catch (MqttException | RuntimeException e) {
            log.debug("MQTT forced disconnect from {}: {}", client.getServerURI(), describe(e));
        }
        closeClient();
    }

    private void closeClient() {
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            log.debug("MQTT client close for {}: {}", client.getServerURI(), describe(e));
        }
    }

    /** Paho's exception text ("Unable to connect to server (32103) - java.net.ConnectException: …"). */
    static String describe(Throwable e) {
        return e instanceof MqttException ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private final class Listener implements MqttActionListener {
        @Override
        public void onSuccess(IMqttToken token) {
            inFlight.decrementAndGet();
            completion.completed(PahoConnection.this, token, null);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable exception) {
            inFlight.decrementAndGet();
            completion.completed(PahoConnection.this, token,
                    exception != null ? exception : new MqttException(MqttException.REASON_CODE_CLIENT_EXCEPTION));
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse r) {
            String reason = r.getException() != null
                    ? describe(r.getException())
                    : "broker sent DISCONNECT, reason code 0x" + Integer.toHexString(r.getReturnCode())
                      + (r.getReasonString() != null ? " (" + r.getReasonString() + ")" : "");
            markLost(reason);
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
            log.debug("MQTT protocol error from {}: {}", client.getServerURI(), describe(e));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // No subscriptions yet: commands (…/set) come with a later issue.
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // Handled per message by the action listener.
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            // open() waits for the connect token instead.
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // Enhanced authentication is not used.
        }
    }
}
