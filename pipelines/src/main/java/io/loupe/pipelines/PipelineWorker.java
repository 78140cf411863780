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
 * stage chain, numbers each result and hands it to every {@link ResultSink} (the pipeline's own sinks first). Between
 * frames it wakes up when the pipeline says a result comes due without a frame ({@link Pipeline#nextDue()}), so that a
 * late verdict goes out at its deadline even when the camera delivers nothing. A frame that fails in a stage (an
 * exception, or an {@link Error} such as an {@link OutOfMemoryError} from a native allocation) is counted and logged
 * (rate-limited); the worker goes on, as it does when a sink fails. When the camera ends, the worker drains its
 * mailbox, emits what the pipeline still owes ({@link Pipeline#endOfStream}) and ends.
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
    private final Pipeline pipeline;
    private final Clock clock;
    private final List<ResultSink> sinks = new CopyOnWriteArrayList<>();
    private final LatencyWindow latency = new LatencyWindow(512);
    private final RateMeter rate = new RateMeter(64);
    private final PhaseLatencies phases;
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
    private boolean closed;

    /** A worker for a pipeline that is just a chain. */
    public PipelineWorker(String id, String type, String camera, String model, Mailbox mailbox, StageChain chain,
                          Clock clock) {
        this(id, type, camera, model, mailbox, Pipeline.of(chain), clock);
    }

    /**
     * A worker for a whole pipeline; its own sinks are added first. The worker closes each frame in the pipeline's
     * {@link Pipeline#phases()} and records the sinks' time there as {@link Phase#PUBLISH}.
     */
    public PipelineWorker(String id, String type, String camera, String model, Mailbox mailbox, Pipeline pipeline,
                          Clock clock) {
        this.id = id;
        this.phases = pipeline.phases();
        this.type = type;
        this.camera = camera;
        this.model = model;
        this.mailbox = mailbox;
        this.pipeline = pipeline;
        this.clock = clock;
        this.sinks.addAll(pipeline.sinks());
        this.thread = new Thread(this::loop, "pipeline-" + id);
        this.thread.setDaemon(true);
        this.thread.setUncaughtExceptionHandler((t, e) -> {
            lastError = e.toString();
            LOG.error("pipeline {}: worker thread died", id, e);
        });
    }

    public String id() {
        return id;
    }

    /** The pipeline this worker runs: its trigger and statistics for the appliance. */
    public Pipeline pipeline() {
        return pipeline;
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
                Frame frame = mailbox.take(nextWait());
                if (frame == null) {
                    if (mailbox.ended()) {
                        emitAll(pipeline.endOfStream(clock.instant()), "end of stream");
                        state = WorkerState.ENDED;
                        LOG.info("pipeline {}: camera {} ended; {} frames processed", id, camera, processed);
                        return;
                    }
                    emitDue();
                    continue;
                }
                try {
                    if (enabled) {
                        process(frame);
                    }
                } finally {
                    frame.release();
                }
                emitDue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (state == WorkerState.RUNNING) {
                state = WorkerState.STOPPED;
            }
        }
    }

    /** How long to wait for a frame: the poll interval, or less when a result comes due sooner. */
    private Duration nextWait() {
        Instant due;
        try {
            due = pipeline.nextDue();
        } catch (RuntimeException e) {
            LOG.warn("pipeline {}: nextDue() failed", id, e);
            return POLL;
        }
        if (due == null) {
            return POLL;
        }
        long millis = due.toEpochMilli() - clock.millis();
        return millis <= 0 ? Duration.ZERO : millis >= POLL.toMillis() ? POLL : Duration.ofMillis(millis);
    }

    private void process(Frame frame) {
        List<? extends PipelineResult> results;
        phases.beginFrame();
        long started = System.nanoTime();
        try {
            results = pipeline.chain().run(frame);
            phases.endFrame(System.nanoTime() - started, frame.decodeNanos());
        } catch (StageException | RuntimeException | Error e) {
            // an Error too (an OutOfMemoryError from a native allocation, a decoder's StackOverflowError): this frame
            // fails, the pipeline goes on with the next one rather than its thread dying
            errors++;
            lastError = describe(e);
            long now = System.nanoTime();
            if (lastErrorLogNanos == Long.MIN_VALUE || now - lastErrorLogNanos > ERROR_LOG_INTERVAL_NANOS) {
                lastErrorLogNanos = now;
                LOG.warn("pipeline {}: frame {} of camera {} failed ({} errors so far): {}", id, frame.seq(), camera,
                        errors, lastError, e instanceof StageException ? null : e);
            }
            return;
        }
        processed++;
        rate.mark(System.nanoTime());
        for (int i = 0; i < results.size(); i++) {
            emit(results.get(i), frame);
        }
    }

    /** An exception's message (it names the frame's problem), an error's type and message (its type is the news). */
    private static String describe(Throwable e) {
        return e instanceof Error || e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Emits the results that came due without a frame; reads the clock only when a pipeline has one waiting. */
    private void emitDue() {
        List<? extends PipelineResult> due;
        try {
            if (pipeline.nextDue() == null) {
                return;
            }
            due = pipeline.due(clock.instant());
        } catch (RuntimeException | Error e) {
            errors++;
            lastError = describe(e);
            LOG.warn("pipeline {}: collecting due results failed", id, e);
            return;
        }
        for (int i = 0; i < due.size(); i++) {
            emit(due.get(i), null);
        }
    }

    private void emitAll(List<? extends PipelineResult> results, String why) {
        for (PipelineResult r : results) {
            emit(r, null);
        }
        if (!results.isEmpty()) {
            LOG.info("pipeline {}: {} result(s) emitted at {}", id, results.size(), why);
        }
    }

    private void emit(PipelineResult result, Frame frame) {
        Instant now = clock.instant();
        double latencyMs = Duration.between(result.since(), now).toNanos() / 1e6;
        PipelineResult sequenced = result.sequenced(++seq, now, latencyMs);
        latency.record(latencyMs);
        lastResult = sequenced;
        long started = System.nanoTime();
        for (ResultSink sink : sinks) {
            try {
                sink.accept(id, sequenced, frame);
            } catch (RuntimeException | Error e) {
                LOG.warn("pipeline {}: result sink {} failed on result {}", id, sink.getClass().getSimpleName(), seq, e);
            }
        }
        phases.record(Phase.PUBLISH, System.nanoTime() - started);
    }

    /**
     * Switches processing on or off; while off, frames are released unprocessed and the state reads PAUSED. Results
     * that come due without a frame (late parts) still go out.
     */
    public void setEnabled(boolean on) {
        enabled = on;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The worker's state as {@link #stats()} shows it; cheap, for polling. */
    public WorkerState state() {
        return state == WorkerState.RUNNING && !enabled ? WorkerState.PAUSED : state;
    }

    /** Frames processed so far; cheap, for polling. */
    public long processed() {
        return processed;
    }

    public PipelineStats stats() {
        return new PipelineStats(id, type, camera, model, state(), pipeline.chain().ids(), processed, errors, lastError,
                mailbox.received(), mailbox.dropped(), rate.perSecond(System.nanoTime(), STALE_NANOS),
                latency.percentile(50), latency.percentile(99), latency.percentile(100), phases.snapshot(), lastResult);
    }

    /**
     * Waits up to {@code timeout} for the worker to drain its mailbox after its camera closed, then stops it and closes
     * the pipeline. Idempotent.
     */
    public void close(Duration timeout) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (thread.isAlive()) {
            try {
                thread.join(Math.max(1, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
        pipeline.close();
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
