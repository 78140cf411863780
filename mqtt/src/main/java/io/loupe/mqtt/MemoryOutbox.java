package io.loupe.mqtt;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * The in-memory {@link Outbox}, bounded by message count, drained in global append order. Lost when the process ends:
 * for tests and {@code outbox: memory}; {@link SqliteOutbox} survives restarts. All methods take one short lock; the
 * scans skip at most the messages in flight, which the link bounds.
 */
public final class MemoryOutbox implements Outbox {

    private final int capacity;
    /** Append order = id order; in-flight entries stay in place so a release keeps the order. */
    private final LinkedHashMap<Long, Entry> entries = new LinkedHashMap<>();
    private long nextId = 1;
    private long dropped;
    private long bytes;
    private boolean closed;

    /**
     * @param capacity the most messages held (e.g. {@link MqttSettings#maxPending()})
     * @throws IllegalArgumentException when capacity is below 1
     */
    public MemoryOutbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("outbox capacity " + capacity + " must be at least 1 (mqtt.maxPending)");
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized long append(String topic, byte[] payload, boolean retained) {
        if (topic == null || payload == null) {
            throw new IllegalArgumentException("outbox append needs a topic and a payload, got topic=" + topic
                    + ", payload=" + (payload == null ? "null" : payload.length + " bytes"));
        }
        if (closed) {
            throw new IllegalStateException("outbox is closed: close the MqttLink before its outbox");
        }
        if (entries.size() >= capacity) {
            dropOldest();
        }
        long id = nextId++;
        entries.put(id, new Entry(new OutboxMessage(id, topic, payload, retained)));
        bytes += weight(topic, payload);
        return id;
    }

    private void dropOldest() {
        Iterator<Entry> it = entries.values().iterator();
        Entry first = null;
        while (it.hasNext()) {
            Entry e = it.next();
            if (first == null) {
                first = e;
            }
            if (!e.inFlight) {
                it.remove();
                forget(e);
                dropped++;
                return;
            }
        }
        entries.remove(first.message.id());
        forget(first);
        dropped++;
    }

    private void forget(Entry e) {
        bytes -= weight(e.message.topic(), e.message.payload());
    }

    /** Payload plus topic bytes (topic chars as an estimate: topics are ASCII in practice). */
    private static long weight(String topic, byte[] payload) {
        return (long) payload.length + topic.length();
    }

    @Override
    public synchronized List<OutboxMessage> peek(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("peek count " + max + " must be at least 1");
        }
        List<OutboxMessage> out = new ArrayList<>(Math.min(max, entries.size()));
        for (Entry e : entries.values()) {
            if (!e.inFlight) {
                e.inFlight = true;
                out.add(e.message);
                if (out.size() == max) {
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public synchronized boolean ack(long id) {
        Entry e = entries.remove(id);
        if (e == null) {
            return false;
        }
        forget(e);
        return true;
    }

    @Override
    public synchronized void release(long id) {
        Entry e = entries.get(id);
        if (e != null) {
            e.inFlight = false;
        }
    }

    @Override
    public synchronized void releaseAll() {
        for (Entry e : entries.values()) {
            e.inFlight = false;
        }
    }

    @Override
    public synchronized int size() {
        return entries.size();
    }

    @Override
    public synchronized long dropped() {
        return dropped;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public synchronized long lastId() {
        return nextId - 1;
    }

    @Override
    public synchronized OutboxStats stats() {
        return new OutboxStats(entries.size(), bytes, dropped, dropped, 0, 0);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    @Override
    public synchronized String toString() {
        return "MemoryOutbox[size=" + entries.size() + ", capacity=" + capacity + ", dropped=" + dropped + "]";
    }

    private static final class Entry {
        final OutboxMessage message;
        boolean inFlight;

        Entry(OutboxMessage message) {
            this.message = Objects.requireNonNull(message);
        }
    }
}
