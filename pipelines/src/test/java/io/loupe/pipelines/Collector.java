package io.loupe.pipelines;

import io.loupe.camera.Frame;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A sink that keeps every result, for tests. */
public final class Collector<R extends PipelineResult> implements ResultSink {
    private final Class<R> type;
    private final List<R> results = new ArrayList<>();
    private final List<Boolean> withFrame = new ArrayList<>();

    public Collector(Class<R> type) {
        this.type = type;
    }

    @Override
    public synchronized void accept(String pipeline, PipelineResult result, Frame frame) {
        results.add(type.cast(result));
        withFrame.add(frame != null);
        notifyAll();
    }

    public synchronized List<R> results() {
        return List.copyOf(results);
    }

    /** Whether each result came with a frame, in order. */
    public synchronized List<Boolean> withFrame() {
        return List.copyOf(withFrame);
    }

    /** Waits until {@code done} holds for the results, or the timeout passes; returns the results. */
    public synchronized List<R> await(Predicate<List<R>> done, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.test(results)) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(results);
    }
}
