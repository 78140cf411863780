package io.loupe.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** A plain Paho v5 client that subscribes to one filter at QoS 1 and records what arrives, in order. */
final class TestSubscriber implements AutoCloseable {

    record Received(String topic, String payload, boolean retained) {
    }

    private final MqttAsyncClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private TestSubscriber(MqttAsyncClient client) {
        this.client = client;
    }

    /** A clean session: sees retained messages at subscribe, then live ones while connected. */
    static TestSubscriber subscribe(String url, String filter) throws MqttException {
        return open(url, "test-sub-" + System.nanoTime(), filter, false, null);
    }

    /** Over TLS with {@code tls} (trust and client certificate). */
    static TestSubscriber subscribe(String url, String filter, SSLSocketFactory tls) throws MqttException {
        return open(url, "test-sub-" + System.nanoTime(), filter, false, tls);
    }

    /**
     * A persistent session (clean start off, one-hour expiry) that reconnects by itself: the broker queues messages
     * for it while it is away, including across a broker restart with persistence.
     */
    static TestSubscriber subscribePersistent(String url, String clientId, String filter) throws MqttException {
        return open(url, clientId, filter, true, null);
    }

    private static TestSubscriber open(String url, String clientId, String filter, boolean persistent,
                                       SSLSocketFactory tls) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        TestSubscriber s = new TestSubscriber(client);
        client.setCallback(s.new Recorder());
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(!persistent);
        if (persistent) {
            o.setSessionExpiryInterval(3600L);
            o.setAutomaticReconnect(true);
            o.setAutomaticReconnectDelay(1, 1);
        }
        if (tls != null) {
            o.setSocketFactory(tls);
        }
        client.connect(o).waitForCompletion(10_000);
        IMqttToken sub = client.subscribe(filter, 1);
        sub.waitForCompletion(10_000);
        return s;
    }

    /** Publishes one message (a command, say) at QoS 1 and waits for the broker's acknowledgement. */
    void publish(String topic, String payload, boolean retained) throws MqttException {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        m.setRetained(retained);
        client.publish(topic, m).waitForCompletion(10_000);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<String> payloads(String topic) {
        List<String> out = new ArrayList<>();
        for (Received r : received) {
            if (r.topic().equals(topic)) {
                out.add(r.payload());
            }
        }
        return out;
    }

    /** Waits until {@code topic} has received at least {@code n} messages. */
    void awaitCount(String topic, int n, Duration timeout) {
        Await.until(() -> payloads(topic).size() >= n, timeout,
                () -> payloads(topic).size() + " messages on " + topic + ", last " + tail(payloads(topic)));
    }

    /** Waits until {@code topic} has received {@code n} different payloads (redeliveries count once). */
    void awaitDistinct(String topic, int n, Duration timeout) {
        Await.until(() -> payloads(topic).stream().distinct().count() >= n, timeout,
                () -> payloads(topic).stream().distinct().count() + " different payloads on " + topic + ", last "
                        + tail(payloads(topic)));
    }

    /** Waits until {@code topic} has received {@code payload} (live or retained). */
    void awaitPayload(String topic, String payload, Duration timeout) {
        Await.until(() -> payloads(topic).contains(payload), timeout,
                () -> "on " + topic + ": " + tail(payloads(topic)) + "; all: " + tail(received));
    }

    private static String tail(List<?> list) {
        return list.size() <= 20 ? list.toString() : "…" + list.subList(list.size() - 20, list.size());
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5_000);
            }
            client.close(true);
        } catch (MqttException e) {
            // test teardown: nothing to do
        }
    }

    private final class Recorder implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8),
                    message.isRetained()));
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
