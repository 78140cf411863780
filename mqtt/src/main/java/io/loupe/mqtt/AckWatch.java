package io.loupe.mqtt;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Knows how long the oldest outbox message in flight on the current connection has waited for the broker's
 * acknowledgement, so that {@link MqttLink} can give up on a broker that keeps the connection up (answers pings) but
 * never acknowledges ({@link LinkTuning#ackTimeout()}).
 *
 * <p>Thread-safe: {@link #sent}, {@link #connected} and {@link #overdue} run on the link thread, {@link #done} on
 * either.
 */
final class AckWatch {

    /** The oldest message in flight, sent at {@code atNanos} ({@link System#nanoTime()}). */
    record Waiting(long id, String topic, long atNanos) {
    }

    /** In send order: the first entry is the oldest unacknowledged. */
    private final Map<Long, Waiting> inFlight = new LinkedHashMap<>();

    /** A new connection is up: nothing of it is in flight. */
    synchronized void connected() {
        inFlight.clear();
    }

    /** Called before the message is handed to the connection (its ack may come at once). */
    synchronized void sent(long id, String topic, long nowNanos) {
        inFlight.remove(id);
        inFlight.put(id, new Waiting(id, topic, nowNanos));
    }

    /** The message was acknowledged, refused, failed or not handed to the connection after all. */
    synchronized void done(long id) {
        inFlight.remove(id);
    }

    /** @return the oldest message in flight if it has waited longer than {@code timeoutNanos}, else null */
    synchronized Waiting overdue(long timeoutNanos, long nowNanos) {
        Iterator<Waiting> it = inFlight.values().iterator();
        if (!it.hasNext()) {
            return null;
        }
        Waiting oldest = it.next();
        return nowNanos - oldest.atNanos() > timeoutNanos ? oldest : null;
    }
}
