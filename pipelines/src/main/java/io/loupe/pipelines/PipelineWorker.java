package io.loupe.pipelines;

import io.loupe.camera.Frame;
import io.loupe.camera.Mailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Runs one pipeline on its own named thread ({@code pipeline-<id>}): takes frames from the camera mailbox, runs the
 * stage chain, numbers the result and hands it to every {@link ResultSink}. A frame that fails in a stage is counted
 * and logged (rate-limited); the worker goes on. When the camera ends, the worker drains its mailbox and ends.
 */
public final class PipelineWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineWorker.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final long STALE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long ERROR_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String id;
    private final String type;
    private final String camera;
    private final String model;
    private final Mailbox mailbox;
    private final StageChain chain;
    private final Clock clock;
    private final List<ResultSink> sinks = new CopyOnWriteArrayList<>();
    private final LatencyWindow latency = new LatencyWindow(512);
    private final RateMeter rate = new RateMeter(64);
    private final Thread thread;

    private volatile WorkerState state = WorkerState.CREATED;
    private volatile boolean stopping;
    private volatile boolean enabled = true;
    private volatile PipelineResult lastResult;
    private volatile String lastError;
    private volatile long processed;
    private volatile long errors;
    private long seq;
    private long lastErrorLogNanos = Long.MIN_VALUE;

    public PipelineWorker(String id, String type, String camera, String model, Mailbox mailbox, StageChain chain,
                          Clock clock) {
        this.id = id;
        this.type = type;
        this.camera = camera;
        this.model = model;
        this.mailbox = mailbox;
        this.chain = chain;
        this.clock = clock;
        this.thread = new Thread(this::loop, "pipeline-" + id);
        this.thread.setDaemon(true);
    }

    public String id() {
        return id;
    }

    /** Adds a sink; results go to sinks in the order they were added. */
    public void addSink(ResultSink sink) {
        sinks.add(sink);
    }

    public synchronized void start() {
        if (state != WorkerState.CREATED) {
            throw new IllegalStateException("pipeline " + id + " was already started (state " + state + ")");
        }
        state = WorkerState.RUNNING;
        thread.start();
    }

    private void loop() {
        try {
            while (!stopping) {
                Frame frame = mailbox.take(POLL);
                if (frame == null) {
                    if (mailbox.ended()) {
                        state = WorkerState.ENDED;
                        LOG.info("pipeline {}: camera {} ended; {} frames processed", id, camera, processed);
                        return;
                    }
                    continue;
                }
                try {
                    if (enabled) {
                        process(frame);
                    }
                } finally {
                    frame.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (state == WorkerState.RUNNING) {
                state = WorkerState.STOPPED;
            }
        }
    }

    private void process(Frame frame) {
        PipelineResult result;
        try {
            result = chain.run(frame);
        } catch (StageException | RuntimeException e) {
            errors++;
            lastError = e.getMessage() == null ? e.toString() : e.getMessage();
            long now = System.nanoTime();
            if (lastErrorLogNanos == Long.MIN_VALUE || now - lastErrorLogNanos > ERROR_LOG_INTERVAL_NANOS) {
                lastErrorLogNanos = now;
                LOG.warn("pipeline {}: frame {} of camera {} failed ({} errors so far): {}", id, frame.seq(), camera,
                        errors, lastError, e instanceof RuntimeException ? e : null);
            }
            return;
        }
        Instant now = clock.instant();
        double latencyMs = Duration.between(frame.capturedAt(), now).toNanos() / 1e6;
        PipelineResult sequenced = result.sequenced(++seq, now, latencyMs);
        latency.record(latencyMs);
        rate.mark(System.nanoTime());
        processed++;
        lastResult = sequenced;
        for (ResultSink sink : sinks) {
            try {
                sink.accept(id, sequenced, frame);
            } catch (RuntimeException e) {
                LOG.warn("pipeline {}: result sink {} failed on result {}", id, sink.getClass().getSimpleName(), seq, e);
            }
        }
    }

    /** Switches processing on or off; while off, frames are released unprocessed and the state reads PAUSED. */
    public void setEnabled(boolean on) {
        enabled = on;
    }

    public boolean enabled() {
        return enabled;
    }

    public PipelineStats stats() {
        WorkerState shown = state == WorkerState.RUNNING && !enabled ? WorkerState.PAUSED : state;
        return new PipelineStats(id, type, camera, model, shown, chain.ids(), processed, errors, lastError,
                mailbox.received(), mailbox.dropped(), rate.perSecond(System.nanoTime(), STALE_NANOS),
                latency.percentile(50), latency.percentile(99), lastResult);
    }

    /**
     * Waits up to {@code timeout} for the worker to drain its mailbox after its camera closed, then stops it and closes
     * the stages. Idempotent.
     */
    public void close(Duration timeout) {
        try {
            thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopping = true;
        try {
            thread.join(POLL.toMillis() * 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("pipeline {}: worker did not stop within {} ms", id, timeout.toMillis() + POLL.toMillis() * 5);
        }
        synchronized (this) {
            if (state != WorkerState.ENDED) {
                state = WorkerState.STOPPED;
            }
        }
        chain.close();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
