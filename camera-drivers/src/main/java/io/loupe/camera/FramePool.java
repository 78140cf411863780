package io.loupe.camera;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A fixed set of {@link Frame}s of one camera. The capture thread {@link #acquire}s a free frame, decodes into it and
 * hands it out; the last {@link Frame#release()} brings it back. The pool never grows: when every frame is held, the
 * capture thread waits. A frame's pixel buffer is allocated on its first picture and reused afterwards, so steady
 * state allocates nothing.
 *
 * <p>Thread-safe. After {@link #close()}, free frames are deallocated at once and held ones when they come back.
 */
public final class FramePool implements AutoCloseable {

    private final String cameraId;
    private final Frame[] free;
    private final int size;
    private int freeCount;
    private boolean closed;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition returned = lock.newCondition();

    /**
     * @param cameraId camera the frames belong to
     * @param size     number of frames, at least 1
     */
    public FramePool(String cameraId, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("frame pool of camera '" + cameraId + "' needs at least 1 frame, got "
                    + size);
        }
        this.cameraId = cameraId;
        this.size = size;
        this.free = new Frame[size];
        for (int i = 0; i < size; i++) {
            free[i] = new Frame(this);
        }
        this.freeCount = size;
    }

    /**
     * Takes a free frame, waiting up to {@code timeout} for one to come back.
     *
     * @return a frame holding one reference (the caller's), or {@code null} on timeout or when the pool is closed
     * @throws InterruptedException when interrupted while waiting
     */
    public Frame acquire(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (freeCount == 0 && !closed) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = returned.awaitNanos(nanos);
            }
            if (closed) {
                return null;
            }
            Frame frame = free[--freeCount];
            free[freeCount] = null;
            frame.acquired();
            return frame;
        } finally {
            lock.unlock();
        }
    }

    void recycle(Frame frame) {
        lock.lock();
        try {
            if (closed) {
                frame.mat().close();
                return;
            }
            free[freeCount++] = frame;
            returned.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Number of frames the pool owns; constant. */
    public int size() {
        return size;
    }

    /** Number of frames free right now. */
    public int available() {
        lock.lock();
        try {
            return freeCount;
        } finally {
            lock.unlock();
        }
    }

    String cameraId() {
        return cameraId;
    }

    /** Deallocates the free frames; frames still held are deallocated when released. Idempotent. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (int i = 0; i < freeCount; i++) {
                free[i].mat().close();
                free[i] = null;
            }
            freeCount = 0;
            returned.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits for a frame in slices of 200 ms so that a stop request is seen promptly; used by the capture loop.
     *
     * @return a frame, or {@code null} once {@code stop} says so or the pool is closed
     */
    Frame acquireUntil(BooleanSupplier stop) throws InterruptedException {
        while (!stop.getAsBoolean()) {
            Frame frame = acquire(Duration.ofMillis(200));
            if (frame != null) {
                return frame;
            }
            if (isClosed()) {
                return null;
            }
        }
        return null;
    }

    private boolean isClosed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }
}
