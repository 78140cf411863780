package io.loupe.models;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.loupe.models.decode.AnomalyDecoder;
import io.loupe.models.decode.ClassDecoder;
import io.loupe.models.decode.Decoder;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.DecoderRegistry;
import io.loupe.models.decode.OutputDecoder;
import io.loupe.models.preprocess.Preprocessing;
import io.loupe.models.preprocess.TensorLayout;
import io.loupe.models.runtime.EngineCacheStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.StampedLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded model: one ONNX Runtime session shared by all its predictors ({@code OrtSession.run} is thread-safe), with
 * what is known about it in {@link #info()}.
 *
 * <p>Lifecycle: {@link #load} opens the session on the fastest provider that works and runs the warm-up inference
 * (which also builds TensorRT engines), so that nothing slow happens on the first frame; each worker thread then asks
 * for its own predictor ({@link #newDetector()}, {@link #newPoseEstimator()}, {@link #newClassifier()},
 * {@link #newAnomalyDetector()}, or {@link #newPredictor()} for any kind), or shares a {@link BatchingRunner};
 * {@link #close()} stops the batching runners, waits for running inferences, closes the remaining predictors and the
 * session, and is idempotent.
 */
public final class Model implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Model.class);

    /** What a model closes when it closes: its predictors. */
    interface Attached {
        void close();
    }

    private final ModelInfo info;
    private final String description;
    private final OrtEnvironment environment;
    private final SessionOpener.Opened opened;
    private final InputPlan input;
    private final Preprocessing preprocessing;
    private final ModelLoader.Parts parts;
    private final EngineCacheStatus engines;
    private final StampedLock lock = new StampedLock();
    private final Set<Attached> attached = new LinkedHashSet<>();
    private final Set<BatchingRunner> runners = new LinkedHashSet<>();
    private volatile boolean closing;
    private volatile boolean closed;

    Model(ModelLoader.Parts parts, OrtEnvironment environment, SessionOpener.Opened opened, EngineCacheStatus engines) {
        this.parts = parts;
        this.info = parts.info();
        this.description = parts.description();
        this.environment = environment;
        this.opened = opened;
        this.input = parts.input();
        this.preprocessing = parts.preprocessing();
        this.engines = engines;
    }

    /**
     * Loads a model with Loupe's decoders ({@link DecoderRegistry#defaults()}).
     *
     * @throws ModelException when the file is missing, unreadable, not ONNX or corrupt; the manifest is invalid; the
     *     ONNX Runtime natives cannot be loaded; the provider asked for cannot start; the input is not one image tensor
     *     ({@code [1, 3, H, W]} or {@code [1, H, W, 3]}); there are no labels in metadata or manifest where the decoder
     *     needs them; no decoder is named or the key is unknown; the outputs do not fit the decoder; or maxBatch is
     *     above 1 for a model with a fixed batch. Every message names the file (or key) and the fix
     */
    public static Model load(ModelSpec spec) throws ModelException {
        return load(spec, DecoderRegistry.defaults(), LoadProgress.NONE);
    }

    /**
     * Loads a model, choosing its decoder from {@code decoders}.
     *
     * @throws ModelException as {@link #load(ModelSpec)}
     */
    public static Model load(ModelSpec spec, DecoderRegistry decoders) throws ModelException {
        return load(spec, decoders, LoadProgress.NONE);
    }

    /**
     * Loads a model, reporting progress (provider fallbacks, TensorRT engine builds with a heartbeat, the warm-up) to
     * {@code progress} as well as to the log.
     *
     * @throws ModelException as {@link #load(ModelSpec)}
     */
    public static Model load(ModelSpec spec, DecoderRegistry decoders, LoadProgress progress) throws ModelException {
        return ModelLoader.load(spec, decoders, progress == null ? LoadProgress.NONE : progress);
    }

    public ModelInfo info() {
        return info;
    }

    /** The confidence threshold detectors use by default (spec, else manifest, else 0.25). */
    public float confidence() {
        return parts.confidence();
    }

    /** The NMS IoU threshold detectors use by default (spec, else manifest, else 0.45). */
    public float iou() {
        return parts.iou();
    }

    /** The manifest's description, else the metadata's, else empty. */
    public String description() {
        return description;
    }

    /** What this model's predictions are: detections, poses, a classification or an anomaly result. */
    public ResultKind resultKind() {
        return parts.kind();
    }

    /** The largest batch predictors may run (the spec's maxBatch; 1 without batching). */
    public int maxBatch() {
        return parts.maxBatch();
    }

    /** How images become this model's input (decoder defaults with the manifest's overrides). */
    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** The input tensor's layout. */
    public TensorLayout layout() {
        return input.layout();
    }

    /** How long the warm-up inference(s) took at load. */
    public Duration warmUpTime() {
        return parts.warmUp();
    }

    /** For a model on TensorRT: its engine cache folder and whether the engines were reused; empty otherwise. */
    public Optional<EngineCacheStatus> engineCache() {
        return Optional.ofNullable(engines);
    }

    /**
     * A detector for one worker thread, with this model's thresholds. Pose models give their boxes.
     *
     * @throws IllegalStateException when the model is closed, or gives no boxes (classify, anomalib)
     */
    public Detector newDetector() {
        return newDetector(confidence(), iou());
    }

    /**
     * A detector for one worker thread, with its own thresholds.
     *
     * @param detectorConfidence minimum score, in (0, 1]
     * @param detectorIou NMS IoU threshold, in (0, 1]
     * @throws IllegalArgumentException for a threshold out of range
     * @throws IllegalStateException when the model is closed, or gives no boxes
     */
    public Detector newDetector(float detectorConfidence, float detectorIou) {
        checkThresholds(detectorConfidence, detectorIou);
        requireBoxes("newDetector()");
        return attach(() -> new SessionDetector(this, boxDecoder(), detectorConfidence, detectorIou));
    }

    /**
     * A pose estimator for one worker thread, with this model's thresholds.
     *
     * @throws IllegalStateException when the model is closed, or is not a pose model
     */
    public PoseEstimator newPoseEstimator() {
        return newPoseEstimator(confidence(), iou());
    }

    /**
     * A pose estimator for one worker thread, with its own thresholds.
     *
     * @throws IllegalArgumentException for a threshold out of range
     * @throws IllegalStateException when the model is closed, or is not a pose model
     */
    public PoseEstimator newPoseEstimator(float estimatorConfidence, float estimatorIou) {
        checkThresholds(estimatorConfidence, estimatorIou);
        requireKind(ResultKind.POSES, "newPoseEstimator()");
        return attach(() -> new SessionDetector(this, boxDecoder(), estimatorConfidence, estimatorIou));
    }

    /**
     * A classifier for one worker thread.
     *
     * @throws IllegalStateException when the model is closed, or is not a classifier
     */
    public Classifier newClassifier() {
        requireKind(ResultKind.CLASSIFICATION, "newClassifier()");
        return attach(() -> new SessionClassifier(this, (ClassDecoder) createDecoder()));
    }

    /**
     * An anomaly detector for one worker thread.
     *
     * @throws IllegalStateException when the model is closed, or is not an anomaly model
     */
    public AnomalyDetector newAnomalyDetector() {
        requireKind(ResultKind.ANOMALY, "newAnomalyDetector()");
        return attach(() -> new SessionAnomalyDetector(this, (AnomalyDecoder) createDecoder()));
    }

    /**
     * A predictor of this model's kind ({@link #resultKind()}) for one worker thread, with this model's thresholds.
     *
     * @throws IllegalStateException when the model is closed
     */
    public Predictor newPredictor() {
        return switch (resultKind()) {
            case DETECTIONS -> newDetector();
            case POSES -> newPoseEstimator();
            case CLASSIFICATION -> newClassifier();
            case ANOMALY -> newAnomalyDetector();
        };
    }

    /**
     * Sliced (SAHI-style) detection for one worker thread: tiles with overlap, batched up to {@link #maxBatch()},
     * merged by NMS, with an optional full-frame pass.
     *
     * @throws IllegalStateException when the model is closed, or gives no boxes
     */
    public TiledDetector newTiledDetector(TileSpec tiles) {
        return newTiledDetector(tiles, confidence());
    }

    /**
     * As {@link #newTiledDetector(TileSpec)}, keeping boxes down to {@code detectorConfidence} (e.g. 0.05 to measure
     * average precision) instead of the model's confidence.
     *
     * @throws IllegalStateException when the model is closed, or gives no boxes
     */
    public TiledDetector newTiledDetector(TileSpec tiles, float detectorConfidence) {
        requireBoxes("newTiledDetector()");
        return attach(() -> new TiledDetector(this, boxDecoder(), tiles, detectorConfidence));
    }

    /**
     * Raw access to the model's tensors for one thread (custom decoding, checks, benchmarks).
     *
     * @throws IllegalStateException when the model is closed
     */
    public TensorRunner newTensorRunner() {
        return attach(() -> new SessionTensorRunner(this));
    }

    /**
     * Stops the batching runners, waits for running inferences, then closes all predictors and the session;
     * idempotent.
     */
    @Override
    public void close() {
        List<BatchingRunner> stopping;
        synchronized (attached) {
            if (closing) {
                return;
            }
            closing = true;
            stopping = new ArrayList<>(runners);
        }
        stopping.forEach(BatchingRunner::close);
        long stamp = lock.writeLock();
        try {
            closed = true;
            List<Attached> open;
            synchronized (attached) {
                open = new ArrayList<>(attached);
            }
            open.forEach(Attached::close);
            try {
                opened.session().close();
            } catch (OrtException e) {
                LOG.warn("Model '{}': closing the ONNX Runtime session failed: {}", info.id(), e.getMessage());
            }
            opened.closeOptions();
            LOG.info("Model '{}' closed", info.id());
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    boolean isClosed() {
        return closed;
    }

    StampedLock lock() {
        return lock;
    }

    OrtEnvironment environment() {
        return environment;
    }

    OrtSession session() {
        return opened.session();
    }

    InputPlan input() {
        return input;
    }

    DecoderContext decoderContext() {
        return parts.context();
    }

    /** The exception a predictor throws when used after the model closed. */
    ModelException closedError() {
        return new ModelException("Model '" + info.id() + "' (" + info.path() + ") is closed. Fix: load it again and"
                + " make new predictors");
    }

    void forget(Attached predictor) {
        synchronized (attached) {
            attached.remove(predictor);
        }
    }

    void register(BatchingRunner runner) {
        synchronized (attached) {
            if (closing) {
                throw new IllegalStateException("Model '" + info.id() + "' (" + info.path() + ") is closed");
            }
            runners.add(runner);
        }
    }

    void forget(BatchingRunner runner) {
        synchronized (attached) {
            runners.remove(runner);
        }
    }

    /** A fresh decoder of this model's family (the factory accepted the same context at load). */
    OutputDecoder createDecoder() {
        try {
            return parts.factory().create(parts.context());
        } catch (ModelException e) {
            throw new IllegalStateException("Model '" + info.id() + "': the decoder accepted at load now refuses: "
                    + e.getMessage(), e);
        }
    }

    Decoder boxDecoder() {
        return (Decoder) createDecoder();
    }

    void requireBoxes(String method) {
        if (resultKind() != ResultKind.DETECTIONS && resultKind() != ResultKind.POSES) {
            throw new IllegalStateException("Model '" + info.id() + "' (decoder " + info.decoder() + ") gives "
                    + resultKind() + ", not boxes, so it has no " + method + ". Fix: use "
                    + (resultKind() == ResultKind.CLASSIFICATION ? "newClassifier()" : "newAnomalyDetector()")
                    + " or newPredictor(), or configure a detection model here");
        }
    }

    private void requireKind(ResultKind kind, String method) {
        if (resultKind() != kind) {
            throw new IllegalStateException("Model '" + info.id() + "' (decoder " + info.decoder() + ") gives "
                    + resultKind() + ", so it has no " + method + ". Fix: use newPredictor(), or configure a model"
                    + " whose decoder gives " + kind);
        }
    }

    private void checkThresholds(float confidence, float iou) {
        if (!(confidence > 0f && confidence <= 1f) || !(iou > 0f && iou <= 1f)) {
            throw new IllegalArgumentException("Model '" + info.id() + "': thresholds must be in (0, 1], got"
                    + " confidence " + confidence + " and iou " + iou);
        }
    }

    /** Something a model makes, registered so that closing the model closes it. */
    interface Maker<T extends Attached> {
        T make() throws OrtException;
    }

    /** Makes a predictor under the read lock (so not while closing) and registers it. */
    <T extends Attached> T attach(Maker<T> maker) {
        long stamp = lock.readLock();
        try {
            if (closing || closed) {
                throw new IllegalStateException("Model '" + info.id() + "' (" + info.path() + ") is closed");
            }
            T made;
            try {
                made = maker.make();
            } catch (OrtException e) {
                // Tensor creation over existing buffers fails only when out of memory.
                throw new IllegalStateException("Model '" + info.id() + "': cannot make a predictor: "
                        + e.getMessage(), e);
            }
            synchronized (attached) {
                attached.add(made);
            }
            return made;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    @Override
    public String toString() {
        return "Model[" + info.id() + ", " + info.path() + ", " + info.provider() + (closed ? ", closed]" : "]");
    }
}
