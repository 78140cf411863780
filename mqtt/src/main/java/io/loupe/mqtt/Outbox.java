package io.loupe.mqtt;

import java.util.List;

/**
 * Where every message waits until the broker has acknowledged it. {@link MqttLink} appends on the caller's thread
 * and drains it from its own thread; the outbox, not Paho's in-flight state, owns redelivery, so a message the broker
 * did not acknowledge is sent again on the next connection (consumers de-duplicate by {@code seq}).
 *
 * <p>Each message is either <em>pending</em> (to be sent) or <em>in flight</em> (handed to the link by
 * {@link #peek(int)}, not yet acknowledged). The outbox is bounded: appending to a full outbox drops the oldest
 * pending message (the oldest in flight only when none is pending) and counts it in {@link #dropped()} — never
 * silently.
 *
 * <p><b>Order.</b> {@link #peek(int)} hands out the messages of one topic in append order, and a released message
 * keeps its place; so every topic (one pipeline's results, say) is first sent in the order it was appended, and after
 * a connection loss its redelivery starts again at its oldest unacknowledged message. How topics are interleaved is
 * the implementation's choice: {@link MemoryOutbox} keeps the global append order, {@link SqliteOutbox} takes turns
 * between topics so that a long backlog on one does not hold back the others.
 *
 * <p>Implementations are thread-safe and never block for long: {@link #append} runs on pipeline threads.
 * {@link MemoryOutbox} is the bounded in-memory implementation (tests, {@code outbox: memory});
 * {@link SqliteOutbox} keeps messages in a SQLite WAL file that survives a restart of the appliance, kill -9 included.
 *
 * <p>Exception contract: {@link IllegalArgumentException} for a null topic/payload or a non-positive count;
 * {@link IllegalStateException} from {@link #append} after {@link #close()}. Unknown ids are ignored (an ack may
 * arrive after its message was dropped). Storage trouble after opening is never thrown: what could not be kept is
 * dropped and counted ({@link OutboxStats#droppedFailed()}).
 */
public interface Outbox extends AutoCloseable {

    /**
     * Adds a message as pending, dropping the oldest one first when the outbox is full. A durable outbox returns once
     * the message is stored.
     *
     * @param payload taken over by the outbox: not copied, do not modify it afterwards
     * @return the message's id, larger than every id returned before (by this outbox, or by an earlier one on the same
     *         file)
     * @throws IllegalStateException after {@link #close()}
     */
    long append(String topic, byte[] payload, boolean retained);

    /**
     * Pending messages to send next, at most {@code max}, each topic's in append order; they become in flight until
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

    /** Messages dropped (outbox full, too old, or not storable) since the outbox was created; a durable one counts
     *  across restarts. */
    long dropped();

    /** The most messages held. */
    int capacity();

    /**
     * The largest id ever assigned, 0 before the first append. A durable outbox remembers it across restarts, so
     * {@link MqttLink} can tell which messages waited for a connection (id at most this value when it connects).
     */
    long lastId();

    /** Depth and drop counts, for {@link LinkStatus}, the stats payload and the web page. */
    OutboxStats stats();

    /** Idempotent. A durable outbox stores what was appended before it closes; the memory outbox forgets nothing it
     *  holds but accepts no more appends. */
    @Override
    void close();
}
