package io.loupe.mqtt;

import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link BrokerConnection} speaking MQTT 3.1.1 (Paho's mqttv3 client). 3.1.1 has no reason codes on PUBACK, no
 * Receive Maximum and no session expiry: the window is {@link LinkTuning#maxInFlight()}, {@code cleanStart} maps to
 * clean session, and a retained command is recognised by its retain flag alone.
 */
final class Paho3Connection extends PahoConnection {

    private static final Logger log = LoggerFactory.getLogger(Paho3Connection.class);

    private final MqttAsyncClient client;
    private final IMqttActionListener listener = new Listener();

    private Paho3Connection(MqttAsyncClient client, Events events, int window) {
        super(events, window);
        this.client = client;
    }

    static Paho3Connection open(MqttSettings s, Topics topics, LinkTuning tuning, SSLSocketFactory tls,
                                ScheduledExecutorService executor, byte[] will, Events events)
            throws ConnectionFailure {
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(s.url(), s.clientId(), new MemoryPersistence(),
                    new ScheduledExecutorPingSender(executor), executor);
        } catch (MqttException | RuntimeException e) {
            throw new ConnectionFailure(ConnectionFailure.Kind.OTHER, describe(e), e);
        }
        Paho3Connection c = new Paho3Connection(client, events, tuning.maxInFlight());
        client.setCallback(c.new Callback());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        o.setCleanSession(s.cleanStart());
        o.setAutomaticReconnect(false);
        o.setKeepAliveInterval(s.keepAliveSeconds());
        o.setConnectionTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, tuning.connectTimeout().toSeconds())));
        o.setMaxInflight(tuning.maxInFlight());
        if (s.username() != null) {
            o.setUserName(s.username());
        }
        if (s.password() != null) {
            o.setPassword(s.password().clone());
        }
        o.setSocketFactory(NoDelaySockets.forUrl(s.url(), tls));
        o.setHttpsHostnameVerificationEnabled(s.tls() == null || s.tls().verifyHostname());
        o.setWill(topics.status(), will, s.topicQos().status(), true);
        try {
            IMqttToken token = client.connect(o);
            token.waitForCompletion(tuning.connectTimeout().toMillis() + 2_000);
            if (!client.isConnected()) {
                throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
            }
            return c;
        } catch (MqttException | RuntimeException e) {
            c.abandon();
            int code = e instanceof MqttException me ? me.getReasonCode() : 0;
            String refusal = code == MqttException.REASON_CODE_FAILED_AUTHENTICATION ? ConnectionFailure.CREDENTIALS
                    : code != MqttException.REASON_CODE_NOT_AUTHORIZED ? null
                    : s.username() != null ? ConnectionFailure.CREDENTIALS_OR_NOT_AUTHORIZED
                    : ConnectionFailure.NOT_AUTHORIZED;
            throw new ConnectionFailure(refusal != null ? ConnectionFailure.Kind.REFUSED
                    : ConnectionFailure.Kind.OTHER, describe(e) + ConnectionFailure.hint(e, refusal), e);
        }
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained, Object context)
            throws ConnectionFailure {
        publishStarted();
        try {
            client.publish(topic, payload, qos, retained, new Context(context, topic), listener);
        } catch (MqttException e) {
            publishSettled();
            throw new ConnectionFailure(e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT
                    ? ConnectionFailure.Kind.TOO_MANY_IN_FLIGHT : ConnectionFailure.Kind.NOT_CONNECTED,
                    describe(e), e);
        } catch (IllegalArgumentException e) {
            publishSettled();
            throw new ConnectionFailure(ConnectionFailure.Kind.INVALID, "Paho refused it: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            publishSettled();
            throw new ConnectionFailure(ConnectionFailure.Kind.OTHER, describe(e), e);
        }
    }

    @Override
    public boolean publishAndWait(String topic, byte[] payload, int qos, boolean retained, long timeoutMillis) {
        try {
            client.publish(topic, payload, qos, retained).waitForCompletion(timeoutMillis);
            return true;
        } catch (MqttException | RuntimeException e) {
            log.warn("MQTT could not publish on {} before closing: {}", topic, describe(e));
            return false;
        }
    }

    @Override
    public void subscribe(String filter, int qos, long timeoutMillis) throws ConnectionFailure {
        try {
            IMqttToken t = client.subscribe(filter, qos);
            t.waitForCompletion(timeoutMillis);
            int[] granted = t.getGrantedQos();
            if (granted != null && granted.length > 0 && granted[0] >= 0x80) {
                throw new ConnectionFailure(ConnectionFailure.Kind.REFUSED, "the broker refused the subscription to "
                        + filter + ": allow it in the broker's ACL for this client", null);
            }
        } catch (MqttException | RuntimeException e) {
            throw new ConnectionFailure(ConnectionFailure.Kind.OTHER, "subscribing to " + filter + " failed: "
                    + describe(e), e);
        }
    }

    @Override
    void disconnectClient(long timeoutMillis) throws MqttException {
        client.disconnect(timeoutMillis).waitForCompletion(timeoutMillis + 1_000);
    }

    @Override
    void dropClient() throws MqttException {
        if (client.isConnected()) {
            client.disconnectForcibly(0, 1_000, false);
        }
    }

    @Override
    void closeClient() throws MqttException {
        client.close(true);
    }

    @Override
    String serverUri() {
        return client.getServerURI();
    }

    /** The link's context with the topic, which a 3.1.1 token does not keep. */
    private record Context(Object context, String topic) {
    }

    private final class Listener implements IMqttActionListener {
        @Override
        public void onSuccess(IMqttToken token) {
            publishSettled();
            Context c = (Context) token.getUserContext();
            events.completed(Paho3Connection.this, c.context(), c.topic(), Outcome.ACKED, null);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable exception) {
            publishSettled();
            Context c = (Context) token.getUserContext();
            events.completed(Paho3Connection.this, c.context(), c.topic(), Outcome.FAILED,
                    exception == null ? "failed" : describe(exception));
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void connectionLost(Throwable cause) {
            markLost(cause == null ? "connection lost" : describe(cause));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            events.arrived(topic, message.getPayload(), message.isRetained());
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Handled per message by the action listener.
        }
    }
}
