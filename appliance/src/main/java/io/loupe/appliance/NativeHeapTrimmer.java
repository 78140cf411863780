package io.loupe.appliance;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the native heap's free pages back to the operating system every {@code appliance.nativeTrim}, on one named
 * thread. glibc's allocator keeps what ONNX Runtime, OpenCV, FFmpeg and the JVM's compilers free inside its per-thread
 * arenas, where only the next allocation of the same thread finds it, so the process stays as large as its busiest
 * moment: {@code malloc_trim} (through JavaCPP) returns those pages. Measured on the demo configuration at
 * {@code -Xmx96m} (PERFORMANCE.md, run F): 25-35 MiB less resident memory every 5 s, most of it what the JIT's second
 * tier frees after compiling; 2.5 ms a call. Where the C library is not glibc the call does nothing, and the first
 * trim says so.
 */
final class NativeHeapTrimmer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NativeHeapTrimmer.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loupe-native-trim");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong trims = new AtomicLong();
    private final AtomicLong releasedBytes = new AtomicLong();

    NativeHeapTrimmer() {
    }

    /**
     * Trims every {@code interval}, the first time one interval from now.
     *
     * @throws IllegalArgumentException when the interval is not positive (the configuration's 0 means: do not start
     *                                  one)
     */
    static NativeHeapTrimmer start(Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("native trim interval " + interval + " must be positive");
        }
        NativeHeapTrimmer t = new NativeHeapTrimmer();
        long ms = interval.toMillis();
        t.thread.scheduleWithFixedDelay(t::trimOnce, ms, ms, TimeUnit.MILLISECONDS);
        return t;
    }

    /** One trim: returns free native heap pages; what the resident set fell by counts as released. */
    void trimOnce() {
        try {
            long before = ProcessMemory.residentBytes();
            long t0 = System.nanoTime();
            boolean released = Pointer.trimMemory();
            long micros = (System.nanoTime() - t0) / 1000;
            long drop = Math.max(0, before - ProcessMemory.residentBytes());
            releasedBytes.addAndGet(drop);
            LOG.debug("native heap trimmed in {} µs: resident {} MiB, {} MiB fewer", micros, before >> 20, drop >> 20);
            if (trims.incrementAndGet() == 1 && !released) {
                LOG.info("the first native heap trim released nothing (a C library other than glibc ignores it);"
                        + " appliance.nativeTrim: 0 stops trying");
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("native heap trim failed, no more trims: resident memory stays at its peak. Fix: set"
                    + " appliance.nativeTrim: 0 to silence this", e);
            thread.shutdown();
        }
    }

    /** Trims done so far. */
    long trims() {
        return trims.get();
    }

    /** What the resident set fell by across the trims, summed, bytes (other threads' allocations blur it a little). */
    long releasedBytes() {
        return releasedBytes.get();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
