package io.loupe.pipelines;

/**
 * Events per second over the last {@code window} events, from their nanosecond timestamps. Marking allocates nothing.
 * Thread-safe.
 */
public final class RateMeter {
    private final long[] stamps;
    private int next;
    private int size;

    public RateMeter(int window) {
        if (window < 2) {
            throw new IllegalArgumentException("window must be >= 2, got " + window);
        }
        stamps = new long[window];
    }

    public synchronized void mark(long nanos) {
        stamps[next] = nanos;
        next = (next + 1) % stamps.length;
        size = Math.min(size + 1, stamps.length);
    }

    /** Rate over the window, 0 with fewer than two events or when the newest is older than {@code staleNanos} at {@code now}. */
    public synchronized double perSecond(long now, long staleNanos) {
        if (size < 2) {
            return 0;
        }
        long newest = stamps[(next - 1 + stamps.length) % stamps.length];
        long oldest = stamps[(next - size + stamps.length) % stamps.length];
        if (now - newest > staleNanos || newest == oldest) {
            return 0;
        }
        return (size - 1) * 1e9 / (newest - oldest);
    }
}
