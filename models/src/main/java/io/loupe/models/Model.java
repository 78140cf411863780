package io.loupe.models;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.DecoderFactory;
import io.loupe.models.decode.DecoderRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.StampedLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A loaded model: one ONNX Runtime session shared by all its {@link Detector}s ({@code OrtSession.run} is
 * thread-safe), with what is known about it in {@link #info()}.
 *
 * <p>Lifecycle: {@link #load} opens the session and runs one warm-up inference, so that nothing slow happens on the
 * first frame; {@link #newDetector()} gives each worker thread its own detector; {@link #close()} waits for running
 * inferences, closes the remaining detectors and the session, and is idempotent.
 */
public final class Model implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Model.class);

    private final ModelInfo info;
    private final String description;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final OrtSession.SessionOptions options;
    private final String inputName;
    private final DecoderFactory decoderFactory;
    private final DecoderContext decoderContext;
    private final float confidence;
    private final float iou;
    private final StampedLock lock = new StampedLock();
    private final Set<SessionDetector> detectors = new LinkedHashSet<>();
    private volatile boolean closed;

    Model(ModelInfo info, String description, OrtEnvironment environment, OrtSession session,
            OrtSession.SessionOptions options, String inputName, DecoderFactory decoderFactory,
            DecoderContext decoderContext, float confidence, float iou) {
        this.info = info;
        this.description = description;
        this.environment = environment;
        this.session = session;
        this.options = options;
        this.inputName = inputName;
        this.decoderFactory = decoderFactory;
        this.decoderContext = decoderContext;
        this.confidence = confidence;
        this.iou = iou;
    }

    /**
     * Loads a model with Loupe's decoders ({@link DecoderRegistry#defaults()}).
     *
     * @throws ModelException when the file is missing, unreadable, not ONNX or corrupt; the manifest is invalid; the
     *     provider asked for cannot start; the input is not one image tensor {@code [1, 3, H, W]}; there are no labels
     *     in metadata or manifest; no decoder is named or the key is unknown; or the outputs do not fit the decoder.
     *     Every message names the file (or key) and the fix
     */
    public static Model load(ModelSpec spec) throws ModelException {
        return load(spec, DecoderRegistry.defaults());
    }

    /**
     * Loads a model, choosing its decoder from {@code decoders}.
     *
     * @throws ModelException as {@link #load(ModelSpec)}
     */
    public static Model load(ModelSpec spec, DecoderRegistry decoders) throws ModelException {
        return ModelLoader.load(spec, decoders);
    }

    public ModelInfo info() {
        return info;
    }

    /** The confidence threshold detectors use by default (spec, else manifest, else 0.25). */
    public float confidence() {
        return confidence;
    }

    /** The NMS IoU threshold detectors use by default (spec, else manifest, else 0.45). */
    public float iou() {
        return iou;
    }

    /** The manifest's description, else the metadata's, else empty. */
    public String description() {
        return description;
    }

    /**
     * A detector for one worker thread, with this model's thresholds.
     *
     * @throws IllegalStateException when the model is closed
     */
    public Detector newDetector() {
        return newDetector(confidence, iou);
    }

    /**
     * A detector for one worker thread, with its own thresholds.
     *
     * @param detectorConfidence minimum score, in (0, 1]
     * @param detectorIou NMS IoU threshold, in (0, 1]
     * @throws IllegalArgumentException for a threshold out of range
     * @throws IllegalStateException when the model is closed
     */
    public Detector newDetector(float detectorConfidence, float detectorIou) {
        if (!(detectorConfidence > 0f && detectorConfidence <= 1f) || !(detectorIou > 0f && detectorIou <= 1f)) {
            throw new IllegalArgumentException("Model '" + info.id() + "': thresholds must be in (0, 1], got"
                    + " confidence " + detectorConfidence + " and iou " + detectorIou);
        }
        long stamp = lock.readLock();
        try {
            if (closed) {
                throw new IllegalStateException("Model '" + info.id() + "' (" + info.path() + ") is closed");
            }
            SessionDetector detector;
            try {
                detector = new SessionDetector(this, decoderFactory.create(decoderContext), detectorConfidence,
                        detectorIou);
            } catch (ModelException | OrtException e) {
                // The factory accepted the same context at load, and tensor creation fails only when out of memory.
                throw new IllegalStateException("Model '" + info.id() + "': cannot make a detector: " + e.getMessage(),
                        e);
            }
            synchronized (detectors) {
                detectors.add(detector);
            }
            return detector;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Waits for running inferences, then closes all detectors and the session; idempotent. */
    @Override
    public void close() {
        long stamp = lock.writeLock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            List<SessionDetector> open;
            synchronized (detectors) {
                open = new ArrayList<>(detectors);
            }
            open.forEach(SessionDetector::close);
            try {
                session.close();
            } catch (OrtException e) {
                LOG.warn("Model '{}': closing the ONNX Runtime session failed: {}", info.id(), e.getMessage());
            }
            options.close();
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
        return session;
    }

    String inputName() {
        return inputName;
    }

    DecoderContext decoderContext() {
        return decoderContext;
    }

    void forget(SessionDetector detector) {
        synchronized (detectors) {
            detectors.remove(detector);
        }
    }

    @Override
    public String toString() {
        return "Model[" + info.id() + ", " + info.path() + ", " + info.provider() + (closed ? ", closed]" : "]");
    }
}
