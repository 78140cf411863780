package io.loupe.models.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reports a TensorRT engine build while it runs: ONNX Runtime gives no progress of its own, so a named daemon thread
 * reports the elapsed time every few seconds until {@link #close()} (idempotent). A build on a Jetson can take minutes;
 * this is how it shows, instead of a silent first frame.
 */
public final class EngineBuildMonitor implements AutoCloseable {

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread thread;
    private final long start = System.nanoTime();

    private EngineBuildMonitor(String modelId, String what, Duration every, Consumer<String> report) {
        thread = new Thread(() -> {
            try {
                while (!done.await(every.toMillis(), TimeUnit.MILLISECONDS)) {
                    report.accept(what + ": still working after " + elapsed().toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "loupe-engine-build-" + modelId);
        thread.setDaemon(true);
    }

    /** Starts reporting {@code what} every {@code every} through {@code report}. */
    public static EngineBuildMonitor start(String modelId, String what, Duration every, Consumer<String> report) {
        EngineBuildMonitor monitor = new EngineBuildMonitor(modelId, what, every, report);
        monitor.thread.start();
        return monitor;
    }

    /** Time since the start. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Stops reporting and waits for the thread; idempotent. */
    @Override
    public void close() {
        done.countDown();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Engine files ({@code *.engine}) in {@code folder}; 0 when it does not exist. */
    public static int countEngines(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return (int) files.filter(f -> f.getFileName().toString().endsWith(".engine")).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
