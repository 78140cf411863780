package io.loupe.camera;

/**
 * The {@code maxFps} cap: admits frames at most at the given rate and skips the rest. Judged by presentation time
 * when the source has one (so a file replays the same frames however fast it decodes), else by the camera's clock.
 */
final class FrameRateCap {

    private static final long TOLERANCE_MICROS = 1_000;

    private final long intervalMicros;
    private long nextDue = Long.MIN_VALUE;
    private boolean byPts;

    /** @param maxFps frames per second, 0 or less for no cap */
    FrameRateCap(double maxFps) {
        this.intervalMicros = maxFps > 0 ? Math.round(1_000_000.0 / maxFps) : 0;
    }

    /** Whether the frame with this timing is delivered. */
    boolean admit(long ptsMicros, long nowMillis) {
        if (intervalMicros == 0) {
            return true;
        }
        boolean pts = ptsMicros >= 0;
        long t = pts ? ptsMicros : nowMillis * 1_000;
        if (nextDue == Long.MIN_VALUE || pts != byPts || t < nextDue - intervalMicros - TOLERANCE_MICROS) {
            // first frame, a change of time base, or time went back (stream restarted): start over
            byPts = pts;
            nextDue = t + intervalMicros;
            return true;
        }
        if (t < nextDue - TOLERANCE_MICROS) {
            return false;
        }
        nextDue = t >= nextDue + intervalMicros ? t + intervalMicros : nextDue + intervalMicros;
        return true;
    }

    /** Forget the timing (after a reopen). */
    void reset() {
        nextDue = Long.MIN_VALUE;
    }
}
