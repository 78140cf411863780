package io.loupe.mqtt;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.ssl.SSLSocketFactory;

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
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.MqttReturnCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link BrokerConnection} speaking MQTT 5 (Paho's mqttv5 client). */
final class Paho5Connection extends PahoConnection {

    private static final Logger log = LoggerFactory.getLogger(Paho5Connection.class);

    private final MqttAsyncClient client;
    private final MqttActionListener listener = new Listener();
    /** The broker's Maximum Packet Size from its CONNACK; 0 when it states none (the protocol's 268,435,455). */
    private volatile long maxPacketSize;
    /** Whether the broker accepts topic aliases, so that Paho may add a 3-byte Topic Alias property. */
    private volatile boolean aliases;

    private Paho5Connection(MqttAsyncClient client, Events events) {
        super(events, 1); // until the CONNACK's Receive Maximum is known
        this.client = client;
    }

    static Paho5Connection open(MqttSettings s, Topics topics, LinkTuning tuning, SSLSocketFactory tls,
                                ScheduledExecutorService executor, byte[] will, Events events)
            throws ConnectionFailure {
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(s.url(), s.clientId(), new MemoryPersistence(), null, executor);
        } catch (MqttException | RuntimeException e) {
            throw new ConnectionFailure(ConnectionFailure.Kind.OTHER, describe(e), e);
        }
        Paho5Connection c = new Paho5Connection(client, events);
        client.setCallback(c.new Callback());
        try {
            IMqttToken token = client.connect(options(s, topics, tuning, tls, will));
            token.waitForCompletion(tuning.connectTimeout().toMillis() + 2_000);
            if (!client.isConnected()) {
                throw new MqttException(MqttClientException.REASON_CODE_CLIENT_NOT_CONNECTED);
            }
            MqttProperties props = token.getResponseProperties();
            Integer receiveMaximum = props == null ? null : props.getReceiveMaximum();
            c.window(Math.min(tuning.maxInFlight(), receiveMaximum == null ? 65_535 : receiveMaximum));
            Long maxPacket = props == null ? null : props.getMaximumPacketSize();
            c.maxPacketSize = maxPacket == null ? 0 : maxPacket;
            Integer aliasMaximum = props == null ? null : props.getTopicAliasMaximum();
            c.aliases = aliasMaximum != null && aliasMaximum > 0;
            return c;
        } catch (MqttException | RuntimeException e) {
            c.abandon();
            int code = e instanceof MqttException me ? me.getReasonCode() : 0;
            boolean credentials = code == MqttReturnCode.RETURN_CODE_BAD_USERNAME_OR_PASSWORD
                    || code == MqttReturnCode.RETURN_CODE_BAD_AUTHENTICATION;
            boolean authorised = code == MqttReturnCode.RETURN_CODE_NOT_AUTHORIZED
                    || code == MqttReturnCode.RETURN_CODE_BANNED;
            // Mosquitto answers "not authorised" (0x87) to a wrong password as well
            String refusal = credentials ? ConnectionFailure.CREDENTIALS
                    : !authorised ? null
                    : s.username() != null ? ConnectionFailure.CREDENTIALS_OR_NOT_AUTHORIZED
                    : ConnectionFailure.NOT_AUTHORIZED;
            throw new ConnectionFailure(refusal != null ? ConnectionFailure.Kind.REFUSED
                    : ConnectionFailure.Kind.OTHER, describe(e) + ConnectionFailure.hint(e, refusal), e);
        }
    }

    private static MqttConnectionOptions options(MqttSettings s, Topics topics, LinkTuning tuning,
                                                 SSLSocketFactory tls, byte[] will) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(s.cleanStart());
        o.setSessionExpiryInterval(s.sessionExpirySeconds());
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
        o.setSocketFactory(NoDelaySockets.forUrl(s.url(), tls));
        o.setHttpsHostnameVerificationEnabled(s.tls() == null || s.tls().verifyHostname());
        MqttMessage w = new MqttMessage(will);
        w.setQos(s.topicQos().status());
        w.setRetained(true);
        o.setWill(topics.status(), w);
        return o;
    }

    private static byte[] utf8(char[] chars) {
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = Arrays.copyOfRange(b.array(), b.position(), b.limit());
        Arrays.fill(b.array(), (byte) 0);
        return out;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A message whose PUBLISH packet would exceed the broker's Maximum Packet Size is not handed to Paho (Paho
     * 1.2.5 does not check it: it compares with our own limit instead) but refused with
     * {@link ConnectionFailure.Kind#TOO_LARGE}: the broker would drop the connection on it.
     */
    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained, Object context)
            throws ConnectionFailure {
        long limit = maxPacketSize;
        if (limit > 0) {
            long size = PacketSize.publish(topic, payload.length, qos, aliases);
            if (size > limit) {
                throw new ConnectionFailure(ConnectionFailure.Kind.TOO_LARGE, payload.length + " bytes of payload"
                        + " make a PUBLISH packet of " + size + " bytes, more than the broker's Maximum Packet Size"
                        + " of " + limit + " bytes (from its CONNACK)", null);
            }
        }
        MqttMessage m = new MqttMessage(payload);
        m.setQos(qos);
        m.setRetained(retained);
        publishStarted();
        try {
            client.publish(topic, m, context, listener);
        } catch (MqttException e) {
            publishSettled();
            throw new ConnectionFailure(kind(e.getReasonCode()), describe(e), e);
        } catch (IllegalArgumentException e) {
            publishSettled();
            throw new ConnectionFailure(ConnectionFailure.Kind.INVALID, "Paho refused it: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            publishSettled();
            throw new ConnectionFailure(ConnectionFailure.Kind.OTHER, describe(e), e);
        }
    }

    private static ConnectionFailure.Kind kind(int code) {
        if (code == MqttClientException.REASON_CODE_OUTGOING_PACKET_TOO_LARGE) {
            return ConnectionFailure.Kind.TOO_LARGE;
        }
        if (code == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
            return ConnectionFailure.Kind.TOO_MANY_IN_FLIGHT;
        }
        return ConnectionFailure.Kind.NOT_CONNECTED;
    }

    @Override
    public boolean publishAndWait(String topic, byte[] payload, int qos, boolean retained, long timeoutMillis) {
        MqttMessage m = new MqttMessage(payload);
        m.setQos(qos);
        m.setRetained(retained);
        try {
            client.publish(topic, m).waitForCompletion(timeoutMillis);
            return true;
        } catch (MqttException | RuntimeException e) {
            log.warn("MQTT could not publish on {} before closing: {}", topic, describe(e));
            return false;
        }
    }

    @Override
    public void subscribe(String filter, int qos, long timeoutMillis) throws ConnectionFailure {
        MqttSubscription sub = new MqttSubscription(filter, qos);
        sub.setRetainHandling(2);
        sub.setNoLocal(true);
        try {
            IMqttToken t = client.subscribe(new MqttSubscription[]{sub}, null, null, new MqttProperties());
            t.waitForCompletion(timeoutMillis);
            int[] codes = t.getReasonCodes();
            if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                throw new ConnectionFailure(ConnectionFailure.Kind.REFUSED, "the broker refused the subscription to "
                        + filter + " (reason code 0x" + Integer.toHexString(codes[0]) + "): allow it in the broker's"
                        + " ACL for this client", null);
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

    private static boolean isRefusal(int reasonCode) {
        return reasonCode >= 0x80 && reasonCode <= 0xFF
                || reasonCode == MqttClientException.REASON_CODE_OUTGOING_PACKET_TOO_LARGE;
    }

    private static String topicOf(IMqttToken token) {
        String[] t = token.getTopics();
        return t == null || t.length == 0 ? "?" : t[0];
    }

    private final class Listener implements MqttActionListener {
        @Override
        public void onSuccess(IMqttToken token) {
            publishSettled();
            Object context = token.getUserContext();
            int[] codes = token.getReasonCodes();
            int code = codes == null || codes.length == 0 ? 0 : codes[0];
            if (code >= 0x80) {
                events.completed(Paho5Connection.this, context, topicOf(token), Outcome.REFUSED,
                        "broker reason code 0x" + Integer.toHexString(code));
            } else {
                events.completed(Paho5Connection.this, context, topicOf(token), Outcome.ACKED, null);
            }
        }

        @Override
        public void onFailure(IMqttToken token, Throwable exception) {
            publishSettled();
            Object context = token.getUserContext();
            if (exception instanceof MqttException me && isRefusal(me.getReasonCode())) {
                events.completed(Paho5Connection.this, context, topicOf(token), Outcome.REFUSED,
                        "reason code " + me.getReasonCode() + ": " + me.getMessage());
            } else {
                events.completed(Paho5Connection.this, context, topicOf(token), Outcome.FAILED,
                        exception == null ? "failed" : describe(exception));
            }
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
            events.arrived(topic, message.getPayload(), message.isRetained());
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
