package io.loupe.models;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.Decoder;
import io.loupe.models.decode.Nms;
import io.loupe.models.preprocess.LetterboxGeometry;
import io.loupe.models.preprocess.Preprocessor;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The {@link Detector} and {@link PoseEstimator} of a box model: pre-processing → shared session → decoder → NMS →
 * boxes (and keypoints) mapped back to the image. The input tensor is a view of the pre-processing blob and the output
 * tensors are direct buffers bound to the session's outputs, so no tensor is allocated or copied per image.
 */
final class SessionDetector implements Detector, PoseEstimator, Model.Attached {

    private final Model model;
    private final Decoder decoder;
    private final float confidence;
    private final float iou;
    private final List<String> labels;
    private final SessionIo io;
    private final Candidates candidates;
    private final Nms nms = new Nms();
    private final PhaseTimes phases = new PhaseTimes();
    private long preprocessed;
    private long inferred;
    private volatile boolean closed;

    SessionDetector(Model model, Decoder decoder, float confidence, float iou) throws OrtException {
        this.model = model;
        this.decoder = decoder;
        this.confidence = confidence;
        this.iou = iou;
        this.labels = model.info().labels();
        this.candidates = new Candidates(256, decoder.keypoints(), decoder.keypointDims());
        this.io = new SessionIo(model, 1);
    }

    @Override
    public List<Detection> detect(Mat bgr) throws ModelException {
        long stamp = model.lock().readLock();
        try {
            long start = System.nanoTime();
            LetterboxGeometry g = run(bgr);
            List<Detection> found = BoxResults.detections(candidates, nms, suppress(g), labels, g.sourceWidth(),
                    g.sourceHeight());
            phases.record(start, preprocessed, inferred, System.nanoTime());
            return found;
        } finally {
            model.lock().unlockRead(stamp);
        }
    }

    @Override
    public List<Pose> estimate(Mat bgr) throws ModelException {
        long stamp = model.lock().readLock();
        try {
            long start = System.nanoTime();
            LetterboxGeometry g = run(bgr);
            List<Pose> found = BoxResults.poses(candidates, nms, suppress(g), labels, g.sourceWidth(), g.sourceHeight());
            phases.record(start, preprocessed, inferred, System.nanoTime());
            return found;
        } finally {
            model.lock().unlockRead(stamp);
        }
    }

    /** Poses for a pose model, detections otherwise. */
    @Override
    public Prediction predict(Mat bgr) throws ModelException {
        return decoder.keypoints() > 0 ? new Poses(estimate(bgr)) : new Detections(detect(bgr));
    }

    @Override
    public PhaseTimes phases() {
        return phases;
    }

    /**
     * Pre-processes, runs and decodes into {@link #candidates} (input pixels), stamping {@link #preprocessed} and
     * {@link #inferred}. Caller holds the read lock.
     */
    private LetterboxGeometry run(Mat bgr) throws ModelException {
        if (closed) {
            throw new IllegalStateException("This detector of model '" + model.info().id() + "' is closed");
        }
        if (model.isClosed()) {
            throw model.closedError();
        }
        LetterboxGeometry g = io.prepare(0, bgr);
        preprocessed = System.nanoTime();
        io.run(1);
        inferred = System.nanoTime();
        candidates.clear();
        decoder.decode(io.outputs(0), confidence, candidates);
        return g;
    }

    private int suppress(LetterboxGeometry g) {
        BoxResults.toImage(candidates, 0, candidates.size(), g, 0f, 0f);
        return nms.run(candidates, iou, Nms.DEFAULT_MAX_DETECTIONS);
    }

    /** The input tensor, for tests: it must be a view of the pre-processing blob, not a copy. */
    OnnxTensor inputTensor() {
        return io.inputTensor(1);
    }

    Preprocessor preprocessor() {
        return io.preprocessor();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        io.close();
        model.forget(this);
    }
}
