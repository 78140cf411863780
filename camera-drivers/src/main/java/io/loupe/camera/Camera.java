package io.loupe.camera;

import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * One camera: a capture thread that opens the {@link FrameSource}, reads pooled {@link Frame}s and offers each one to
 * every subscribed {@link Mailbox}, and the state machine around it.
 *
 * <pre>
 * STARTING ──open ok, frame──► ONLINE ──read fails / stall──► RECONNECTING ──back-off, reopen, frame──► ONLINE
 *     └──open fails──► RECONNECTING            └──end of a non-looping file──► ENDED
 * any ──close()──► OFFLINE ("closed")
 * no driver for the URL, or a native library that cannot load ──► OFFLINE (not retried)
 * </pre>
 *
 * <p>Lifecycle: {@link #subscribe} every consumer, then {@link #start()} once, then {@link #close()}. Nothing thrown
 * inside the capture thread escapes it: failures become the {@link CameraStatus#reason()}. A {@link CameraException},
 * a {@link RuntimeException} or an {@link Error} (an {@link OutOfMemoryError} from a native allocation) during a
 * session is retried; only a {@link LinkageError} (a native library that cannot load) leaves the camera offline.
 * Back-off after a failure starts at {@link CameraTuning#backoffInitial()}, doubles up to
 * {@link CameraTuning#backoffMax()}, with jitter.
 *
 * <p>Watchdog: no frame for {@link CameraTuning#stallTimeout()} (or three frame intervals of a slow source) is a stall:
 * the source is closed and reopened. Sources that say they are {@link SourceInfo#sporadic()} (a watched folder) are
 * exempt. Capture never waits for consumers unless one of them has an {@code all} mailbox: when every pooled frame is
 * still held, a live camera keeps reading into a scratch picture and counts the frame in {@link CameraStatus#drops()}.
 * Camera credentials never reach the logs or the status ({@link Redact}).
 */
public final class Camera implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Camera.class);

    /** What ended one open-read session of the source. */
    private enum SessionEnd { END_OF_STREAM, STOPPED }

    private final CameraSpec spec;
    private final FrameSourceRegistry registry;
    private final Clock clock;
    private final CameraTuning tuning;
    private final String id;
    private final List<Mailbox> subscribed = new ArrayList<>();
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final FpsMeter fpsMeter = new FpsMeter();
    private final FpsMeter fpsInMeter = new FpsMeter();
    private final RecentMean decodeNanos = new RecentMean();
    private final String where;
    private final Object lifecycle = new Object();
    private final BooleanSupplier stopRequested = () -> this.stopping;

    private Mailbox[] boxes = new Mailbox[0];
    private FramePool pool;
    private boolean mayDrop;
    private Mat scratch;
    private Thread thread;
    private boolean started;
    private boolean closed;
    private volatile boolean stopping;

    private volatile CameraState state = CameraState.STARTING;
    private volatile String reason;
    private volatile SourceInfo info;
    private volatile long frames;
    private volatile long reconnects;
    private volatile long lastFrameAtMillis = -1;
    private volatile long lastReadAtMillis = -1;
    private volatile long drops;
    private String lastLoggedReason;

    /** A camera with {@link CameraTuning#defaults()}. */
    public Camera(CameraSpec spec, FrameSourceRegistry registry, Clock clock) {
        this(spec, registry, clock, CameraTuning.defaults());
    }

    /**
     * @param spec     what the configuration says about the camera
     * @param registry where its source comes from
     * @param clock    stamps frames and measures stalls and fps
     * @param tuning   timing knobs
     */
    public Camera(CameraSpec spec, FrameSourceRegistry registry, Clock clock, CameraTuning tuning) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.id = spec.id();
        this.where = Redact.url(spec.url());
    }

    /**
     * Adds a consumer. Call before {@link #start()}: the frame pool is sized for the mailboxes known then.
     *
     * @throws IllegalStateException    after {@link #start()} or {@link #close()}
     * @throws IllegalArgumentException when a consumer of that name already subscribed
     */
    public Mailbox subscribe(String consumer, MailboxPolicy policy) {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(policy, "policy");
        synchronized (lifecycle) {
            if (started || closed) {
                throw new IllegalStateException("camera '" + id + "': subscribe '" + consumer
                        + "' before start(); the camera is already " + (closed ? "closed" : "started"));
            }
            for (Mailbox box : subscribed) {
                if (box.consumer().equals(consumer)) {
                    throw new IllegalArgumentException("camera '" + id + "': consumer '" + consumer
                            + "' already subscribed; give each consumer a unique name");
                }
            }
            Mailbox box = new Mailbox(id, consumer, policy);
            subscribed.add(box);
            return box;
        }
    }

    /**
     * Starts the capture thread {@code camera-<id>} (a daemon).
     *
     * @throws IllegalStateException when already started or closed
     */
    public void start() {
        synchronized (lifecycle) {
            if (started || closed) {
                throw new IllegalStateException("camera '" + id + "' was already " + (closed ? "closed" : "started")
                        + "; create a new Camera to start again");
            }
            started = true;
            boxes = subscribed.toArray(new Mailbox[0]);
            int size = 1;
            mayDrop = true;
            for (Mailbox box : boxes) {
                size += box.policy().capacity() + 1;
                if (box.policy() instanceof MailboxPolicy.All) {
                    mayDrop = false;
                }
            }
            pool = new FramePool(id, size);
            thread = new Thread(this::run, "camera-" + id);
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> log.error("camera {}: capture thread died", id, e));
            thread.start();
        }
    }

    /** The camera id. */
    public String id() {
        return id;
    }

    /** What the configuration says about this camera. */
    public CameraSpec spec() {
        return spec;
    }

    /** The current status; cheap, safe from any thread. */
    public CameraStatus status() {
        long now = clock.millis();
        long last = lastFrameAtMillis;
        long lastRead = lastReadAtMillis;
        double fps = last >= 0 && now - last <= 2_000 ? fpsMeter.fps() : 0;
        double fpsIn = lastRead >= 0 && now - lastRead <= 2_000 ? fpsInMeter.fps() : 0;
        return new CameraStatus(id, state, reason, info, fps, frames, reconnects,
                last >= 0 ? Instant.ofEpochMilli(last) : null, fpsIn, fps, decodeNanos.mean() / 1e6, drops);
    }

    /**
     * Stops the capture thread (waiting up to {@link CameraTuning#closeTimeout()}), closes the source, ends the
     * mailboxes and releases the frames still in them. Idempotent; never throws.
     */
    @Override
    public void close() {
        Thread running;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            running = thread;
        }
        stopping = true;
        stopSignal.countDown();
        for (Mailbox box : subscribed) {
            box.end();
        }
        if (running != null && running != Thread.currentThread()) {
            running.interrupt();
            try {
                running.join(tuning.closeTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (running.isAlive()) {
                log.warn("camera {}: capture thread did not stop within {}; it will finish on its own", id,
                        tuning.closeTimeout());
            }
        }
        for (Mailbox box : subscribed) {
            box.endAndDrain();
        }
        if (state != CameraState.ENDED) {
            setState(CameraState.OFFLINE, "closed");
        }
    }

    // ---- capture thread ------------------------------------------------------------------------------------------

    private void run() {
        Backoff backoff = new Backoff(tuning.backoffInitial(), tuning.backoffMax(), new SplittableRandom());
        FrameRateCap cap = new FrameRateCap(spec.maxFps());
        Frame[] current = new Frame[1];
        try {
            boolean first = true;
            while (!stopping) {
                FrameSource source;
                try {
                    source = registry.create(spec);
                } catch (IllegalArgumentException e) {
                    setState(CameraState.OFFLINE, e.getMessage());
                    log.error("{}; the camera stays offline", Redact.text(e.getMessage()));
                    return;
                }
                if (!first) {
                    reconnects++;
                }
                first = false;
                String failure;
                try {
                    cap.reset();
                    SessionEnd end = session(source, backoff, cap, current);
                    if (end == SessionEnd.END_OF_STREAM) {
                        setState(CameraState.ENDED, null);
                        log.info("camera {}: end of {} after {} frames", id, where, frames);
                        return;
                    }
                    return;
                } catch (CameraException e) {
                    failure = Redact.text(e.getMessage() != null ? e.getMessage() : "source failed: " + e);
                } catch (RuntimeException e) {
                    failure = Redact.text("unexpected " + e);
                    log.warn("camera {}: source of {} failed unexpectedly: {}", id, where, failure);
                } catch (LinkageError e) {
                    throw e; // a missing or broken native library does not mend itself: below, offline
                } catch (Error e) {
                    // e.g. OutOfMemoryError from JavaCPP's guard on a native allocation: this session fails, and the
                    // camera retries with back-off like after any failure instead of leaving its pipelines starved
                    failure = Redact.text("capture failed: " + e);
                    if (!failure.equals(lastLoggedReason)) {
                        log.error("camera {}: capture of {} failed; retrying with back-off", id, where, e);
                        lastLoggedReason = failure; // logged with its stack: the retry below logs it at debug only
                    }
                } finally {
                    source.close();
                }
                if (stopping) {
                    return;
                }
                long delay = backoff.nextDelayMillis();
                setState(CameraState.RECONNECTING, failure);
                if (!failure.equals(lastLoggedReason)) {
                    log.warn("camera {}: {}; retrying in {} ms", id, failure, delay);
                    lastLoggedReason = failure;
                } else {
                    log.debug("camera {}: {}; retrying in {} ms", id, failure, delay);
                }
                if (stopSignal.await(delay, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // close() asked us to stop
        } catch (LinkageError e) {
            setState(CameraState.OFFLINE, "capture failed: " + e + " (not retried: a native library is missing or"
                    + " broken; install the JavaCV/FFmpeg natives for this machine's OS and architecture)");
            log.error("camera {}: capture thread stopped: a native library is missing or broken", id, e);
        } catch (Throwable e) {
            setState(CameraState.OFFLINE, "capture failed: " + e);
            log.error("camera {}: capture thread failed and stopped", id, e);
        } finally {
            if (current[0] != null) {
                current[0].release();
            }
            for (Mailbox box : boxes) {
                box.end();
            }
            pool.close();
            if (scratch != null) {
                scratch.close();
            }
        }
    }

    /** Opens the source and reads until it ends, the camera stops, or it fails (thrown). */
    private SessionEnd session(FrameSource source, Backoff backoff, FrameRateCap cap, Frame[] current)
            throws CameraException, InterruptedException {
        SourceInfo opened = source.open();
        info = opened;
        log.info("camera {} open: {} {}x{} {} fps, {}", id, where, opened.width(), opened.height(),
                opened.fps(), Redact.text(opened.description()));
        long stallMillis = tuning.stallTimeout().toMillis();
        if (opened.fps() > 0) {
            stallMillis = Math.max(stallMillis, (long) Math.ceil(3_000 / opened.fps()));
        }
        boolean watchdog = !opened.sporadic();
        long lastProgress = clock.millis();
        while (!stopping) {
            if (current[0] == null) {
                current[0] = mayDrop ? pool.acquire(Duration.ZERO) : pool.acquireUntil(stopRequested);
                if (current[0] == null && !mayDrop) {
                    return SessionEnd.STOPPED;
                }
            }
            Frame frame = current[0];
            Mat target = frame != null ? frame.mat() : scratch();
            long started = System.nanoTime();
            ReadStatus status = source.read(target, tuning.readTimeout());
            long readNanos = System.nanoTime() - started;
            long now = clock.millis();
            switch (status) {
                case FRAME -> {
                    lastProgress = now;
                    checkFormat(target);
                    long decode = source.lastDecodeNanos() >= 0 ? source.lastDecodeNanos() : readNanos;
                    decodeNanos.add(decode);
                    fpsInMeter.tick(now);
                    lastReadAtMillis = now;
                    if (state != CameraState.ONLINE) {
                        if (state == CameraState.RECONNECTING) {
                            log.info("camera {}: online again after {} reconnects", id, reconnects);
                        }
                        setState(CameraState.ONLINE, null);
                        backoff.reset();
                        lastLoggedReason = null;
                    }
                    long pts = source.lastPtsMicros();
                    if (frame == null) {
                        drops++; // every pooled frame is held by a consumer: this one is not delivered
                    } else if (cap.admit(pts, now)) {
                        current[0] = null;
                        deliver(frame, pts, now, decode);
                    } else {
                        drops++;
                    }
                }
                case TIMEOUT -> {
                    if (watchdog && now - lastProgress > stallMillis) {
                        throw new CameraException("no frame for more than " + stallMillis + " ms from " + where
                                + " (stalled); reopening it");
                    }
                }
                case END -> {
                    return SessionEnd.END_OF_STREAM;
                }
            }
        }
        return SessionEnd.STOPPED;
    }

    private void deliver(Frame frame, long pts, long now, long decode) throws InterruptedException {
        long seq = frames + 1;
        frame.stamp(seq, pts, now, decode);
        frames = seq;
        lastFrameAtMillis = now;
        fpsMeter.tick(now);
        try {
            for (Mailbox box : boxes) {
                box.offer(frame);
            }
        } finally {
            frame.release();
        }
    }

    private Mat scratch() {
        if (scratch == null) {
            scratch = new Mat();
        }
        return scratch;
    }

    private void checkFormat(Mat mat) throws CameraException {
        if (mat.empty() || mat.type() != CV_8UC3) {
            throw new CameraException("source of " + where + " returned a frame that is not 8-bit BGR (type "
                    + mat.type() + ", " + mat.cols() + "x" + mat.rows() + "); this is a driver bug");
        }
    }

    private void setState(CameraState next, String why) {
        reason = Redact.text(why);
        state = next;
    }
}
