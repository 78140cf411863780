package io.loupe.mqtt;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the {@link BrokerConnection}s of both Paho clients share: the protocol-independent state (the window, how many
 * publishes are in flight, whether the connection is still up and, once lost, why, and its age) and the order of
 * closing. {@link Paho3Connection} and {@link Paho5Connection} add the protocol: connecting, publishing, subscribing,
 * and the three client calls that closing is made of.
 */
abstract class PahoConnection implements BrokerConnection {

    private static final Logger log = LoggerFactory.getLogger(PahoConnection.class);

    final Events events;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final long openedNanos = System.nanoTime();
    private volatile int window;
    private volatile String lossReason;

    /** @param window the initial window; MQTT 5 narrows it once the CONNACK's Receive Maximum is known */
    PahoConnection(Events events, int window) {
        this.events = events;
        this.window = window;
    }

    /** Paho's exception text ("Unable to connect to server (32103) - java.net.ConnectException: …"). */
    static String describe(Throwable e) {
        return e instanceof org.eclipse.paho.client.mqttv3.MqttException
                || e instanceof org.eclipse.paho.mqttv5.common.MqttException
                ? e.toString() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Sends DISCONNECT and waits for it up to {@code timeoutMillis} (plus a second). */
    abstract void disconnectClient(long timeoutMillis) throws Exception;

    /** Drops the network connection at once, if connected, without a DISCONNECT. */
    abstract void dropClient() throws Exception;

    /** Releases the client's threads and resources. */
    abstract void closeClient() throws Exception;

    /** The broker's URL, for the log. */
    abstract String serverUri();

    @Override
    public final int window() {
        return window;
    }

    final void window(int window) {
        this.window = window;
    }

    @Override
    public final int inFlight() {
        return inFlight.get();
    }

    /** A publish was handed to Paho (counted before the call; undo with {@link #publishSettled()} if it throws). */
    final void publishStarted() {
        inFlight.incrementAndGet();
    }

    /** A publish completed, failed, or was never handed over after all. */
    final void publishSettled() {
        inFlight.decrementAndGet();
    }

    @Override
    public final boolean up() {
        return lossReason == null;
    }

    @Override
    public final String lossReason() {
        return lossReason;
    }

    @Override
    public final long ageNanos() {
        return System.nanoTime() - openedNanos;
    }

    @Override
    public final void markLost(String reason) {
        if (lossReason == null) {
            lossReason = reason;
        }
        events.lost();
    }

    @Override
    public final void disconnect(long timeoutMillis) {
        try {
            disconnectClient(timeoutMillis);
        } catch (Exception e) {
            log.debug("MQTT disconnect from {} failed: {}", serverUri(), describe(e));
        }
        markLost("closed");
        close();
    }

    @Override
    public final void abandon() {
        markLost("abandoned");
        try {
            dropClient();
        } catch (Exception e) {
            log.debug("MQTT forced disconnect from {}: {}", serverUri(), describe(e));
        }
        close();
    }

    private void close() {
        try {
            closeClient();
        } catch (Exception e) {
            log.debug("MQTT client close for {}: {}", serverUri(), describe(e));
        }
    }
}
