package io.loupe.camera;

import org.bytedeco.opencv.opencv_core.Mat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One decoded picture of one camera, pooled and reference-counted.
 *
 * <p>The capture thread fills a frame taken from its camera's {@link FramePool} and hands the same frame to every
 * consumer's {@link Mailbox}: consumers share the pixels, nobody copies them. Whoever got a frame from
 * {@link Mailbox#take} owns one reference and must call {@link #release()} exactly once when done with it; a consumer
 * that keeps the frame for longer or passes it on calls {@link #retain()} first. When the last reference is released
 * the frame goes back to its pool and its {@link #mat()} will be overwritten by a later picture.
 *
 * <p>The pixels are read-only for consumers: draw on a copy.
 */
public final class Frame {

    private final FramePool pool;
    private final Mat mat = new Mat();
    private final AtomicInteger refs = new AtomicInteger();
    private long seq;
    private long ptsMicros = -1;
    private long capturedAtMillis;
    private long decodeNanos;

    Frame(FramePool pool) {
        this.pool = pool;
    }

    /** The picture, 8-bit BGR; valid until {@link #release()}. Do not write into it. */
    public Mat mat() {
        return mat;
    }

    /** Id of the camera that produced this frame. */
    public String cameraId() {
        return pool.cameraId();
    }

    /** Sequence number per camera, from 1, counting delivered frames (skipped ones are not numbered). */
    public long seq() {
        return seq;
    }

    /** Presentation time in microseconds from stream start, or -1 when the source has none. */
    public long ptsMicros() {
        return ptsMicros;
    }

    /** When the capture thread got the frame, by the camera's clock. */
    public Instant capturedAt() {
        return Instant.ofEpochMilli(capturedAtMillis);
    }

    /** {@link #capturedAt()} in epoch milliseconds, without allocating. */
    public long capturedAtMillis() {
        return capturedAtMillis;
    }

    /**
     * Nanoseconds the capture thread spent getting this picture: demux, decode and conversion to BGR where the source
     * measures them apart from waiting, otherwise the whole read.
     */
    public long decodeNanos() {
        return decodeNanos;
    }

    /**
     * Adds a reference, to be matched by one more {@link #release()}.
     *
     * @return this frame
     * @throws IllegalStateException when the frame was already released back to its pool
     */
    public Frame retain() {
        for (;;) {
            int count = refs.get();
            if (count <= 0) {
                throw new IllegalStateException(this + " was already released back to its pool; retain() it before"
                        + " the last release()");
            }
            if (refs.compareAndSet(count, count + 1)) {
                return this;
            }
        }
    }

    /**
     * Drops one reference; the last one returns the frame to its pool.
     *
     * @throws IllegalStateException when released more often than it was taken or retained
     */
    public void release() {
        for (;;) {
            int count = refs.get();
            if (count <= 0) {
                throw new IllegalStateException(this + " released more often than it was taken or retained:"
                        + " call release() once per take() and once per retain()");
            }
            if (refs.compareAndSet(count, count - 1)) {
                if (count == 1) {
                    pool.recycle(this);
                }
                return;
            }
        }
    }

    /** Current reference count (for tests and diagnostics). */
    int references() {
        return refs.get();
    }

    /** Called by the pool when it hands the frame out: one reference, owned by the capture thread. */
    void acquired() {
        refs.set(1);
    }

    /** Called by the capture thread once the picture is in {@link #mat()}. */
    void stamp(long seq, long ptsMicros, long capturedAtMillis, long decodeNanos) {
        this.seq = seq;
        this.ptsMicros = ptsMicros;
        this.capturedAtMillis = capturedAtMillis;
        this.decodeNanos = decodeNanos;
    }

    @Override
    public String toString() {
        return "Frame[" + pool.cameraId() + " #" + seq + "]";
    }
}
