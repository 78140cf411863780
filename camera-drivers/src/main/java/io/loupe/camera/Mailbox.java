package io.loupe.camera;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One consumer's inbox on one camera, fed only by that camera's capture thread and emptied by the consumer.
 *
 * <p>What happens when the consumer falls behind is its {@link MailboxPolicy}: {@code latest} and {@code queue(n)}
 * drop (and count) frames, releasing them; {@code all} makes the capture thread wait. A frame returned by
 * {@link #take} belongs to the caller, who must {@link Frame#release()} it.
 *
 * <p>Thread-safe for one producer and any number of takers.
 */
public final class Mailbox {

    private final String cameraId;
    private final String consumer;
    private final MailboxPolicy policy;
    private final Frame[] ring;
    private int head;
    private int count;
    private boolean ended;
    private volatile long received;
    private volatile long dropped;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();

    Mailbox(String cameraId, String consumer, MailboxPolicy policy) {
        this.cameraId = cameraId;
        this.consumer = consumer;
        this.policy = policy;
        this.ring = new Frame[policy.capacity()];
    }

    /**
     * Waits up to {@code timeout} for the next frame.
     *
     * @return the oldest waiting frame, now owned by the caller (release it), or {@code null} on timeout or when the
     *         mailbox has {@link #ended()}
     * @throws InterruptedException when interrupted while waiting
     */
    public Frame take(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (count == 0 && !ended) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            if (count == 0) {
                return null;
            }
            Frame frame = ring[head];
            ring[head] = null;
            head = (head + 1) % ring.length;
            count--;
            notFull.signal();
            return frame;
        } finally {
            lock.unlock();
        }
    }

    /** True when the camera ended for good or was closed and no frame is left to take. */
    public boolean ended() {
        lock.lock();
        try {
            return ended && count == 0;
        } finally {
            lock.unlock();
        }
    }

    /** Frames the camera offered to this mailbox, dropped ones included. */
    public long received() {
        return received;
    }

    /** Frames dropped because the consumer was behind (always 0 for {@code all}). */
    public long dropped() {
        return dropped;
    }

    /** Frames waiting to be taken. */
    public int pending() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** This mailbox's policy. */
    public MailboxPolicy policy() {
        return policy;
    }

    /** Name of the consumer, e.g. the pipeline id. */
    public String consumer() {
        return consumer;
    }

    /**
     * Puts a frame in, taking a reference of its own. Under {@code all}, waits while the box is full.
     *
     * @return false when the mailbox has ended (the frame was not taken)
     * @throws InterruptedException when interrupted while waiting for room
     */
    boolean offer(Frame frame) throws InterruptedException {
        Frame drop = null;
        lock.lock();
        try {
            if (policy instanceof MailboxPolicy.All) {
                while (count == ring.length && !ended) {
                    notFull.await();
                }
            }
            if (ended) {
                return false;
            }
            if (count == ring.length) {
                drop = ring[head];
                ring[head] = null;
                head = (head + 1) % ring.length;
                count--;
                dropped++;
            }
            ring[(head + count) % ring.length] = frame.retain();
            count++;
            received++;
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
            if (drop != null) {
                drop.release();
            }
        }
    }

    /** No more frames will come; what is inside can still be taken. Wakes a waiting producer and takers. */
    void end() {
        lock.lock();
        try {
            ended = true;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the mailbox and releases the frames still inside (camera closed). */
    void endAndDrain() {
        Frame[] left;
        lock.lock();
        try {
            ended = true;
            left = new Frame[count];
            for (int i = 0; i < count; i++) {
                int at = (head + i) % ring.length;
                left[i] = ring[at];
                ring[at] = null;
            }
            count = 0;
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
        for (Frame frame : left) {
            frame.release();
        }
    }

    @Override
    public String toString() {
        return "Mailbox[" + cameraId + " -> " + consumer + ", " + policy + "]";
    }
}
