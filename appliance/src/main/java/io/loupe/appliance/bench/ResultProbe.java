package io.loupe.appliance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real MQTT subscriber on the appliance's broker that takes every {@code result} and measures end-to-end latency:
 * the time it arrives here minus the capture time of the frame it was judged in (its {@code since}). Arrival at a
 * subscriber comes after the broker acknowledged the publish, so this bounds "frame to MQTT acknowledgement" from
 * above. Both clocks are this JVM's wall clock (millisecond resolution).
 */
final class ResultProbe implements AutoCloseable {
    static final String CLIENT_ID = "loupe-bench-probe";

    private final ObjectMapper mapper = new ObjectMapper();
    private final MqttClient client;
    private final List<Double> latencies = new ArrayList<>();
    private volatile long received;
    private volatile long malformed;

    private ResultProbe(MqttClient client) {
        this.client = client;
    }

    /**
     * Connects and subscribes to every pipeline's results at QoS 1.
     *
     * @throws MqttException when the broker refuses the connection or the subscription
     */
    static ResultProbe connect(String brokerUrl) throws MqttException {
        MqttClient client = new MqttClient(brokerUrl, CLIENT_ID, new MemoryPersistence());
        ResultProbe probe = new ResultProbe(client);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
        // Paho 1.2.5's subscribe(String[], int[], listeners) recurses forever: use MqttSubscription[].
        client.subscribe(new MqttSubscription[] {new MqttSubscription("loupe/+/+/+/result", 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {(topic, message) ->
                        probe.take(message.getPayload())});
        return probe;
    }

    private void take(byte[] payload) {
        long now = System.currentTimeMillis();
        try {
            JsonNode since = mapper.readTree(payload).get("since");
            if (since == null || since.isNull()) {
                malformed++;
                return;
            }
            double ms = now - Instant.parse(since.asText()).toEpochMilli();
            synchronized (latencies) {
                latencies.add(ms);
            }
            received++;
        } catch (java.io.IOException | java.time.DateTimeException e) {
            malformed++;
        }
    }

    /** Latencies (ms) measured since the last call, and forgets them. */
    List<Double> drain() {
        synchronized (latencies) {
            List<Double> out = List.copyOf(latencies);
            latencies.clear();
            return out;
        }
    }

    long received() {
        return received;
    }

    /** Results without a capture time ({@code since}) or not parseable. */
    long malformed() {
        return malformed;
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        } catch (MqttException e) {
            // the broker is going away with the appliance; nothing to keep
        }
    }
}
