package io.loupe.camera;

import java.time.Duration;

/**
 * Paces a source at its presentation times, for replaying files as if they were live ({@code realtime}). Anchors
 * the first frame to the moment it is read; re-anchors when time goes back (a loop, a new stream), jumps ahead by
 * more than the maximum gap (default {@value #MAX_GAP_MICROS} µs), or when the reader fell more than
 * {@value #MAX_LAG_NANOS} ns behind (a slow consumer), so that it never bursts to catch up. Uses
 * {@link System#nanoTime()}: pacing is about real time. Not thread-safe: one per source.
 */
public final class Pacer {

    /** Falling further behind than this re-anchors instead of bursting to catch up. */
    public static final long MAX_LAG_NANOS = 1_000_000_000L;
    /** Default largest forward step in presentation time that is still waited for. */
    public static final long MAX_GAP_MICROS = 10_000_000L;

    private final long maxGapMicros;
    private boolean anchored;
    private long anchorNanos;
    private long anchorPts;
    private long lastPts;

    /** A pacer for sources whose frames are at most {@value #MAX_GAP_MICROS} µs apart. */
    public Pacer() {
        this(MAX_GAP_MICROS);
    }

    /**
     * @param maxGapMicros a step forward in presentation time larger than this is a discontinuity, not a wait: the
     *                     frame is due at once. Make it larger than the longest regular interval (slow stills)
     */
    public Pacer(long maxGapMicros) {
        if (maxGapMicros <= 0) {
            throw new IllegalArgumentException("maxGapMicros must be positive, got " + maxGapMicros);
        }
        this.maxGapMicros = maxGapMicros;
    }

    /**
     * Waits until the frame with presentation time {@code ptsMicros} is due, or at most {@code timeout}.
     *
     * @return true when the frame is due now; false when the timeout came first (ask again with the same time)
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitDue(long ptsMicros, Duration timeout) throws InterruptedException {
        long now = System.nanoTime();
        if (!anchored || ptsMicros < lastPts || ptsMicros - lastPts > maxGapMicros) {
            anchor(now, ptsMicros);
            return true;
        }
        long due = anchorNanos + (ptsMicros - anchorPts) * 1_000;
        long late = now - due;
        if (late > MAX_LAG_NANOS) {
            anchor(now, ptsMicros);
            return true;
        }
        if (late < 0) {
            long wait = -late;
            long max = timeout.toNanos();
            if (wait > max) {
                sleepNanos(max);
                return false;
            }
            sleepNanos(wait);
        }
        lastPts = ptsMicros;
        return true;
    }

    /**
     * {@link #awaitDue} for a source's {@code read}: an interrupt ends the wait as the timeout does, with the thread's
     * interrupt flag restored, so that the read answers {@code TIMEOUT} and the reading loop sees the interrupt.
     *
     * @return true when the frame is due now; false when the timeout or an interrupt came first
     */
    public boolean dueWithin(long ptsMicros, Duration timeout) {
        try {
            return awaitDue(ptsMicros, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Forget the anchor: the next frame is due at once. */
    public void reset() {
        anchored = false;
    }

    private void anchor(long nowNanos, long ptsMicros) {
        anchored = true;
        anchorNanos = nowNanos;
        anchorPts = ptsMicros;
        lastPts = ptsMicros;
    }

    private static void sleepNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    }
}
