package io.loupe.mqtt;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The protocol-independent state of one {@link BrokerConnection}: its window, how many publishes are in flight,
 * whether it is still up (and, once lost, why) and its age. {@link Paho3Connection} and {@link Paho5Connection} each
 * compose one and delegate the matching {@link BrokerConnection} methods to it.
 */
final class ConnectionBookkeeping {

    private final BrokerConnection.Events events;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final long openedNanos = System.nanoTime();
    private volatile int window;
    private volatile String lossReason;

    /** @param window the initial window; MQTT 5 narrows it once the CONNACK's Receive Maximum is known */
    ConnectionBookkeeping(BrokerConnection.Events events, int window) {
        this.events = events;
        this.window = window;
    }

    /** @see BrokerConnection#window() */
    int window() {
        return window;
    }

    void window(int window) {
        this.window = window;
    }

    /** @see BrokerConnection#inFlight() */
    int inFlight() {
        return inFlight.get();
    }

    /** A publish was handed to Paho (counted before the call; undo with {@link #publishSettled()} if it throws). */
    void publishStarted() {
        inFlight.incrementAndGet();
    }

    /** A publish completed, failed, or was never handed over after all. */
    void publishSettled() {
        inFlight.decrementAndGet();
    }

    /** @see BrokerConnection#up() */
    boolean up() {
        return lossReason == null;
    }

    /** @see BrokerConnection#lossReason() */
    String lossReason() {
        return lossReason;
    }

    /** @see BrokerConnection#ageNanos() */
    long ageNanos() {
        return System.nanoTime() - openedNanos;
    }

    /** @see BrokerConnection#markLost(String) */
    void markLost(String reason) {
        if (lossReason == null) {
            lossReason = reason;
        }
        events.lost();
    }
}
