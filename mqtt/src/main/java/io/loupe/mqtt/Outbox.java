package io.loupe.mqtt;

import java.util.List;

/**
 * Where every message waits until the broker has acknowledged it. {@link MqttLink} appends on the caller's thread
 * and drains it in order from its own thread; the outbox, not Paho's in-flight state, owns redelivery, so a message
 * the broker did not acknowledge is sent again on the next connection (consumers de-duplicate by {@code seq}).
 *
 * <p>Each message is either <em>pending</em> (to be sent) or <em>in flight</em> (handed to the link by
 * {@link #peek(int)}, not yet acknowledged). The outbox is bounded: appending to a full outbox drops the oldest
 * pending message (the oldest in flight only when none is pending) and counts it in {@link #dropped()} — never
 * silently.
 *
 * <p>Implementations are thread-safe and never block for long: {@link #append} runs on pipeline threads.
 * {@link MemoryOutbox} is the bounded in-memory implementation; a SQLite (WAL) outbox that survives a restart of the
 * appliance, bounded by count and age, comes with the durability issue behind this same interface.
 *
 * <p>Exception contract: {@link IllegalArgumentException} for a null topic/payload or a non-positive count;
 * {@link IllegalStateException} from {@link #append} after {@link #close()}. Unknown ids are ignored (an ack may
 * arrive after its message was dropped).
 */
public interface Outbox extends AutoCloseable {

    /**
     * Adds a message as pending, dropping the oldest one first when the outbox is full.
     *
     * @param payload taken over by the outbox: not copied, do not modify it afterwards
     * @return the message's id, larger than every id returned before
     * @throws IllegalStateException after {@link #close()}
     */
    long append(String topic, byte[] payload, boolean retained);

    /**
     * The oldest pending messages, in append order, at most {@code max}; they become in flight until
     * {@link #ack(long)} or {@link #release(long)}/{@link #releaseAll()}. Empty when nothing is pending.
     *
     * @throws IllegalArgumentException when {@code max < 1}
     */
    List<OutboxMessage> peek(int max);

    /**
     * The broker acknowledged the message: it leaves the outbox.
     *
     * @return false when the id was unknown (already acknowledged or dropped)
     */
    boolean ack(long id);

    /** Sending the message failed: it becomes pending again and keeps its place in the order. */
    void release(long id);

    /** The connection was lost: every in-flight message becomes pending again, to be sent on the next connection. */
    void releaseAll();

    /** Messages held, pending and in flight. */
    int size();

    /** Messages dropped because the outbox was full, since it was created. */
    long dropped();

    /** The most messages held. */
    int capacity();

    /** Idempotent. The memory outbox forgets nothing it holds but accepts no more appends. */
    @Override
    void close();
}
