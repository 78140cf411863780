package io.loupe.mqtt;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Finds the message a broker keeps cutting the connection on, when it does not say why: an MQTT 3.1.1 broker (or an
 * MQTT 5 one that states no Maximum Packet Size) that drops the connection on a packet over its size limit. Resending
 * such a message would drop every connection, and hold back everything queued behind it, forever.
 *
 * <p>The evidence is a loss with exactly one outbox message unacknowledged on the connection, sent at most
 * {@code recentNanos} before the loss: everything sent before it was acknowledged, so the broker was reading it when
 * it cut. A loss with several messages in flight cannot tell which one it was (PUBACKs of messages the broker did read
 * are often lost with the connection), so the connections after such a loss are <em>careful</em>: one message in
 * flight at a time ({@link #careful()}), until every message that was in flight at the loss has been acknowledged.
 * The same message cut {@code threshold} times in a row is the suspect {@link #lost} returns.
 *
 * <p>A broker outage is not mistaken for it: a loss with no message in flight, another message, one sent longer ago,
 * or an ambiguous loss restarts the count, and so does any acknowledgement while the suspect is in flight, or of the
 * suspect itself. Reaching the threshold takes {@code threshold} connections in a row that the broker dropped right
 * after that one message was sent, and never acknowledged it.
 *
 * <p>Thread-safe: {@link #sent}, {@link #connected} and {@link #lost} run on the link thread, {@link #acked} on Paho's.
 */
final class RepeatedCuts {

    /** The message cut repeatedly: drop it. */
    record Suspect(long id, String topic, int bytes, int cuts) {
    }

    private record Sent(String topic, int bytes, long atNanos) {
    }

    /** Careful connections end after this many acknowledgements even if a message of the loss never was (dropped). */
    private static final int CAREFUL_ACKS_MAX = 1_000;

    private final int threshold;
    private final long recentNanos;
    /** Outbox messages handed to the current connection, not acknowledged or refused yet. */
    private final Map<Long, Sent> unacked = new LinkedHashMap<>();
    /** Messages in flight at the last loss that have not been acknowledged since: careful while not empty. */
    private final Set<Long> awaited = new HashSet<>();
    private int carefulAcks;
    private long suspect = -1;
    private int cuts;

    RepeatedCuts(int threshold, long recentNanos) {
        this.threshold = threshold;
        this.recentNanos = recentNanos;
    }

    /** One message in flight at a time: the last loss had messages in flight that are not acknowledged yet. */
    synchronized boolean careful() {
        return !awaited.isEmpty();
    }

    /** A new connection is up: nothing of it is in flight. */
    synchronized void connected() {
        unacked.clear();
    }

    /** Called before the message is handed to the connection (its ack may come at once). */
    synchronized void sent(long id, String topic, int bytes, long nowNanos) {
        unacked.put(id, new Sent(topic, bytes, nowNanos));
    }

    /** The broker acknowledged (or refused with a reason code) the message: it was read. */
    synchronized void acked(long id) {
        unacked.remove(id);
        if (suspect >= 0 && (id == suspect || unacked.containsKey(suspect))) {
            suspect = -1;
            cuts = 0;
        }
        if (!awaited.isEmpty()) {
            awaited.remove(id);
            if (++carefulAcks >= CAREFUL_ACKS_MAX) {
                awaited.clear();
            }
        }
    }

    /** The message was not handed to the connection after all. */
    synchronized void unsent(long id) {
        unacked.remove(id);
    }

    /**
     * The link gave up on the connection because the broker did not acknowledge a message in time
     * ({@link LinkTuning#ackTimeout()}): not a cut, since the broker kept the connection up. It breaks a series of
     * cuts ("in a row"), so the count restarts; careful mode is neither started nor ended by it.
     */
    synchronized void timedOut() {
        suspect = -1;
        cuts = 0;
    }

    /**
     * The connection was lost.
     *
     * @return the message cut {@code threshold} times in a row (the count then starts again), or null
     */
    synchronized Suspect lost(long nowNanos) {
        if (!unacked.isEmpty()) {
            awaited.clear();
            awaited.addAll(unacked.keySet());
            carefulAcks = 0;
        }
        if (unacked.size() != 1) {
            suspect = -1;
            cuts = 0;
            return null;
        }
        Map.Entry<Long, Sent> only = unacked.entrySet().iterator().next();
        long id = only.getKey();
        Sent s = only.getValue();
        if (nowNanos - s.atNanos() > recentNanos) {
            suspect = -1;
            cuts = 0;
            return null;
        }
        if (id != suspect) {
            suspect = id;
            cuts = 0;
        }
        if (++cuts < threshold) {
            return null;
        }
        suspect = -1;
        cuts = 0;
        awaited.remove(id);
        return new Suspect(id, s.topic(), s.bytes(), threshold);
    }
}
