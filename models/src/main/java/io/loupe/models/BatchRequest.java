package io.loupe.models;

import java.nio.FloatBuffer;
import java.util.concurrent.Semaphore;

/**
 * One caller's slot in a {@link BatchingRunner}: its input blob, its output buffers and a semaphore it waits on. Made
 * once per caller and reused for every frame, so handing a frame to the runner allocates nothing.
 */
final class BatchRequest {

    private final FloatBuffer input;
    private final FloatBuffer[] outputs;
    private final Semaphore done = new Semaphore(0);
    private volatile long enqueuedAt;
    private volatile String error;

    BatchRequest(FloatBuffer input, FloatBuffer[] outputs) {
        this.input = input;
        this.outputs = outputs;
    }

    FloatBuffer input() {
        return input;
    }

    FloatBuffer[] outputs() {
        return outputs;
    }

    long enqueuedAt() {
        return enqueuedAt;
    }

    String error() {
        return error;
    }

    /** Called by the caller before queueing. */
    void arm() {
        error = null;
        enqueuedAt = System.nanoTime();
    }

    /** Called by the runner: outputs written, or {@code failure} (null for success). */
    void complete(String failure) {
        error = failure;
        done.release();
    }

    /** Waits for {@link #complete}; an interrupt is kept for the caller but does not abandon the slot. */
    void await() {
        boolean interrupted = false;
        while (true) {
            try {
                done.acquire();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
