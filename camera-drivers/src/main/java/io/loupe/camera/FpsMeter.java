package io.loupe.camera;

/** Delivered frames per second over windows of about one second, by the camera's clock. Single writer. */
final class FpsMeter {

    private static final long WINDOW_MILLIS = 1_000;

    private long windowStart = Long.MIN_VALUE;
    private long count;
    private volatile double fps;

    void tick(long nowMillis) {
        if (windowStart == Long.MIN_VALUE || nowMillis < windowStart) {
            windowStart = nowMillis;
            count = 0;
        }
        count++;
        long elapsed = nowMillis - windowStart;
        if (elapsed >= WINDOW_MILLIS) {
            fps = count * 1_000.0 / elapsed;
            windowStart = nowMillis;
            count = 0;
        }
    }

    /** The last measured rate. */
    double fps() {
        return fps;
    }
}
