package io.loupe.models;

import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches frames from several callers (one per camera) into one session run of a box model, on one named thread per
 * model ({@code loupe-batch-<model id>}): a run starts when {@link BatchSpec#maxBatch()} frames wait, or when
 * {@link BatchSpec#maxWait()} has passed since the first of them arrived, whichever comes first.
 *
 * <p>Each caller gets its own {@link Detector} with {@link #newDetector()}. It pre-processes on the caller's thread into
 * its own blob, hands its one reusable request to the runner and blocks until the runner has run the batch and copied
 * that caller's outputs back; decoding and NMS then run on the caller's thread again. The runner copies inputs into
 * its batch blob and outputs out of it with bulk buffer copies; per frame nothing is allocated but the results.
 * {@link #close()} (idempotent, also done by {@link Model#close()}) answers waiting callers with an error and stops the
 * thread.
 */
public final class BatchingRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchingRunner.class);
    private static final int MAX_CALLERS = 1024;

    private final Model model;
    private final BatchSpec spec;
    private final SessionIo io;
    private final ArrayBlockingQueue<BatchRequest> queue = new ArrayBlockingQueue<>(MAX_CALLERS);
    private final BatchRequest[] batch;
    private final long[] slotFloats;
    private final Thread thread;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicInteger largest = new AtomicInteger();
    private volatile boolean stopped;

    private BatchingRunner(Model model, BatchSpec spec) throws OrtException {
        this.model = model;
        this.spec = spec;
        this.io = new SessionIo(model, spec.maxBatch());
        this.batch = new BatchRequest[spec.maxBatch()];
        this.slotFloats = model.decoderContext().outputs().stream().mapToLong(o -> o.elementCount()).toArray();
        this.thread = new Thread(this::loop, "loupe-batch-" + model.info().id());
        this.thread.setDaemon(true);
    }

    /**
     * Starts a runner for a box model.
     *
     * @throws ModelException when the model gives no boxes, or {@code spec.maxBatch()} is above the model's
     *     {@link Model#maxBatch()}; the message says which setting to change
     * @throws IllegalStateException when the model is closed
     */
    public static BatchingRunner start(Model model, BatchSpec spec) throws ModelException {
        try {
            model.requireBoxes("BatchingRunner");
        } catch (IllegalStateException e) {
            throw new ModelException(e.getMessage());
        }
        if (spec.maxBatch() > model.maxBatch()) {
            throw new ModelException("Model '" + model.info().id() + "' was loaded with maxBatch " + model.maxBatch()
                    + " but batches of " + spec.maxBatch() + " are asked for. Fix: set maxBatch: " + spec.maxBatch()
                    + " in the model configuration (the model needs a dynamic batch axis), or batch less");
        }
        BatchingRunner runner;
        try {
            runner = new BatchingRunner(model, spec);
        } catch (OrtException e) {
            throw new ModelException("Model '" + model.info().id() + "': cannot make batch tensors: " + e.getMessage(),
                    e);
        }
        try {
            model.register(runner);
        } catch (IllegalStateException e) {
            runner.io.close();
            throw e;
        }
        runner.thread.start();
        LOG.info("Model '{}': batching up to {} frames or {} ms", model.info().id(), spec.maxBatch(),
                spec.maxWait().toMillis());
        return runner;
    }

    /**
     * A detector for one caller (camera), with the model's thresholds; it blocks while its frame is in a batch.
     *
     * @throws IllegalStateException when this runner or the model is closed
     */
    public Detector newDetector() {
        return newDetector(model.confidence(), model.iou());
    }

    /**
     * A detector for one caller with its own thresholds.
     *
     * @throws IllegalArgumentException for a threshold outside (0, 1]
     * @throws IllegalStateException when this runner or the model is closed
     */
    public Detector newDetector(float confidence, float iou) {
        if (stopped) {
            throw new IllegalStateException("The batching runner of model '" + model.info().id() + "' is closed");
        }
        if (!(confidence > 0f && confidence <= 1f) || !(iou > 0f && iou <= 1f)) {
            throw new IllegalArgumentException("Model '" + model.info().id() + "': thresholds must be in (0, 1], got"
                    + " confidence " + confidence + " and iou " + iou);
        }
        return model.attach(() -> new BatchClient(model, this, model.boxDecoder(), confidence, iou));
    }

    public BatchSpec spec() {
        return spec;
    }

    /** Counters since the start. */
    public BatchStats stats() {
        return new BatchStats(batches.get(), frames.get(), largest.get(), failed.get());
    }

    /** Floats per image of each output, as the clients size their buffers. */
    long[] slotFloats() {
        return slotFloats.clone();
    }

    /**
     * Queues {@code request} and waits until its outputs are written (or it failed).
     *
     * @throws ModelException when the runner is closed, or the batch failed in ONNX Runtime
     */
    void submit(BatchRequest request) throws ModelException {
        if (stopped) {
            throw closedError();
        }
        request.arm();
        if (!queue.offer(request)) {
            throw new ModelException("Model '" + model.info().id() + "': more than " + MAX_CALLERS + " callers wait on"
                    + " one batching runner. Fix: share fewer detectors per runner");
        }
        if (stopped && queue.remove(request)) {
            throw closedError();
        }
        request.await();
        if (request.error() != null) {
            throw new ModelException(request.error());
        }
    }

    private ModelException closedError() {
        return new ModelException("The batching runner of model '" + model.info().id() + "' is closed. Fix: start a"
                + " new runner (or load the model again) and make new detectors");
    }

    private void loop() {
        long maxWait = spec.maxWait().toNanos();
        while (!stopped) {
            BatchRequest first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue;
            }
            if (first == null) {
                continue;
            }
            batch[0] = first;
            int n = 1;
            long deadline = first.enqueuedAt() + maxWait;
            while (n < batch.length) {
                long remaining = deadline - System.nanoTime();
                BatchRequest next;
                try {
                    next = remaining <= 0 ? queue.poll() : queue.poll(remaining, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    break;
                }
                if (next == null) {
                    break;
                }
                batch[n++] = next;
            }
            if (stopped) {
                complete(n, closedError().getMessage());
            } else {
                runBatch(n);
            }
        }
        failWaiting();
    }

    private void runBatch(int n) {
        String error = null;
        long stamp = model.lock().readLock();
        try {
            if (model.isClosed()) {
                error = closedError().getMessage();
            } else {
                FloatBuffer input = io.preprocessor().blobBuffer();
                int floats = Math.toIntExact(io.preprocessor().slotFloats());
                for (int i = 0; i < n; i++) {
                    input.put(i * floats, batch[i].input(), 0, floats);
                }
                io.run(n);
                for (int i = 0; i < n; i++) {
                    FloatBuffer[] out = io.outputs(i);
                    FloatBuffer[] target = batch[i].outputs();
                    for (int o = 0; o < out.length; o++) {
                        target[o].put(0, out[o], 0, (int) slotFloats[o]);
                    }
                }
            }
        } catch (ModelException | RuntimeException e) {
            error = e.getMessage();
            LOG.warn("Model '{}': a batch of {} failed: {}", model.info().id(), n, e.getMessage());
        } finally {
            model.lock().unlockRead(stamp);
        }
        batches.incrementAndGet();
        frames.addAndGet(n);
        largest.accumulateAndGet(n, Math::max);
        complete(n, error);
    }

    /** Answers the first {@code n} requests of the batch: success when {@code error} is null. */
    private void complete(int n, String error) {
        if (error != null) {
            failed.addAndGet(n);
        }
        for (int i = 0; i < n; i++) {
            BatchRequest request = batch[i];
            batch[i] = null;
            request.complete(error);
        }
    }

    private void failWaiting() {
        List<BatchRequest> left = new ArrayList<>();
        queue.drainTo(left);
        String error = closedError().getMessage();
        for (BatchRequest request : left) {
            failed.incrementAndGet();
            request.complete(error);
        }
    }

    /** Answers waiting callers with an error, stops the thread and releases the batch buffers; idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failWaiting();
        io.close();
        model.forget(this);
        LOG.info("Model '{}': batching runner stopped after {}", model.info().id(), stats());
    }
}
