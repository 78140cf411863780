package io.loupe.mqtt;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The in-memory bookkeeping of {@link SqliteOutbox}: one lane per topic with its cursor (the highest id handed out),
 * the handed-out messages (in flight, or released to be sent again) and the totals. The payloads stay on disk.
 * Not thread-safe: the outbox guards it with its lock.
 *
 * <p>Invariant per lane: every stored message with an id above {@code cursor} is pending and was never handed out;
 * every one at or below it is in {@link #handed} (in flight or released) or already acknowledged/dropped.
 */
final class OutboxLanes {

    static final class Lane {
        final int tid;
        final String topic;
        /** UTF-8 length of the topic: part of each message's size. */
        final int topicBytes;
        long held;
        long cursor;
        int inFlight;
        final TreeSet<Long> released = new TreeSet<>();

        Lane(int tid, String topic) {
            this.tid = tid;
            this.topic = topic;
            this.topicBytes = topic.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }

        long pending() {
            return held - inFlight;
        }
    }

    static final class Handed {
        final Lane lane;
        final int size;
        boolean inFlight = true;

        Handed(Lane lane, int size) {
            this.lane = lane;
            this.size = size;
        }
    }

    private final Map<Integer, Lane> lanes = new HashMap<>();
    private final List<Lane> order = new ArrayList<>();
    private final Map<Long, Handed> handed = new HashMap<>();
    /** Acknowledged, their delete not committed yet: still on disk, no longer held. */
    private final Set<Long> deleting = new HashSet<>();
    private long held;
    private long bytes;
    private int turn;

    Lane lane(int tid, String topic) {
        Lane l = lanes.get(tid);
        if (l == null) {
            l = new Lane(tid, topic);
            lanes.put(tid, l);
            order.add(l);
        }
        return l;
    }

    /** Lanes with something pending, starting at the next one in turn. */
    List<Lane> pendingLanes() {
        List<Lane> out = new ArrayList<>();
        int n = order.size();
        if (n == 0) {
            return out;
        }
        int start = Math.floorMod(turn++, n);
        for (int i = 0; i < n; i++) {
            Lane l = order.get((start + i) % n);
            if (l.pending() > 0) {
                out.add(l);
            }
        }
        return out;
    }

    /** A lane found on disk at open. */
    void restore(int tid, String topic, long messages, long size) {
        Lane l = lane(tid, topic);
        l.held += messages;
        held += messages;
        bytes += size;
    }

    /** A message stored and committed. */
    void stored(Lane lane, int size) {
        lane.held++;
        held++;
        bytes += size;
    }

    /** Handed to the link: in flight from now on. */
    void inFlight(Lane lane, long id, int size) {
        handed.put(id, new Handed(lane, size));
        lane.inFlight++;
        if (id > lane.cursor) {
            lane.cursor = id;
        }
    }

    /** A released message handed out again. */
    void resent(long id) {
        Handed h = handed.get(id);
        h.inFlight = true;
        h.lane.inFlight++;
        h.lane.released.remove(id);
    }

    /** @return false when the id is not handed out (unknown, acknowledged or dropped) */
    boolean ack(long id) {
        Handed h = handed.remove(id);
        if (h == null) {
            return false;
        }
        if (h.inFlight) {
            h.lane.inFlight--;
        } else {
            h.lane.released.remove(id);
        }
        h.lane.held--;
        held--;
        bytes -= h.size;
        deleting.add(id);
        return true;
    }

    void release(long id) {
        Handed h = handed.get(id);
        if (h != null && h.inFlight) {
            h.inFlight = false;
            h.lane.inFlight--;
            h.lane.released.add(id);
        }
    }

    void releaseAll() {
        for (Map.Entry<Long, Handed> e : handed.entrySet()) {
            Handed h = e.getValue();
            if (h.inFlight) {
                h.inFlight = false;
                h.lane.inFlight--;
                h.lane.released.add(e.getKey());
            }
        }
    }

    /** A released message that turned out to be gone from disk (dropped meanwhile). */
    void vanished(long id) {
        Handed h = handed.remove(id);
        if (h != null) {
            h.lane.released.remove(id);
        }
    }

    /**
     * A stored message was dropped (bound or age) and its delete committed.
     *
     * @return false when it had been acknowledged meanwhile (then it was delivered, not dropped)
     */
    boolean dropped(OutboxStore.Row row) {
        if (deleting.contains(row.id())) {
            return false;
        }
        Handed h = handed.remove(row.id());
        Lane lane = lanes.get(row.tid());
        if (lane == null) {
            return false;
        }
        if (h != null) {
            if (h.inFlight) {
                lane.inFlight--;
            } else {
                lane.released.remove(row.id());
            }
        }
        lane.held--;
        held--;
        bytes -= row.size();
        return true;
    }

    /** Deletes of acknowledged messages were committed. */
    void deleted(long[] ids, int count) {
        for (int i = 0; i < count; i++) {
            deleting.remove(ids[i]);
        }
    }

    boolean isDeleting(long id) {
        return deleting.contains(id);
    }

    boolean isInFlight(long id) {
        Handed h = handed.get(id);
        return h != null && h.inFlight;
    }

    /** Released ids of {@code lane}, oldest first, at most {@code max}. */
    List<Long> released(Lane lane, int max) {
        List<Long> out = new ArrayList<>(Math.min(max, lane.released.size()));
        Iterator<Long> it = lane.released.iterator();
        while (it.hasNext() && out.size() < max) {
            out.add(it.next());
        }
        return out;
    }

    long held() {
        return held;
    }

    long bytes() {
        return bytes;
    }
}
