package io.loupe.models;

import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.Decoder;
import io.loupe.models.decode.Nms;
import io.loupe.models.preprocess.LetterboxGeometry;
import io.loupe.models.preprocess.Preprocessor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One caller's {@link Detector} on a {@link BatchingRunner}: pre-processing and decoding on the caller's thread, the
 * session run in the runner's batch. The model's read lock is held while pre-processing and while decoding, not while
 * waiting for the batch.
 */
final class BatchClient implements Detector, PoseEstimator, Model.Attached {

    private final Model model;
    private final BatchingRunner runner;
    private final Decoder decoder;
    private final float confidence;
    private final float iou;
    private final List<String> labels;
    private final Preprocessor preprocessor;
    private final FloatBuffer[] outputs;
    private final BatchRequest request;
    private final Candidates candidates;
    private final Nms nms = new Nms();
    private final PhaseTimes phases = new PhaseTimes();
    private long preprocessed;
    private volatile boolean closed;

    BatchClient(Model model, BatchingRunner runner, Decoder decoder, float confidence, float iou) {
        this.model = model;
        this.runner = runner;
        this.decoder = decoder;
        this.confidence = confidence;
        this.iou = iou;
        this.labels = model.info().labels();
        InputPlan input = model.input();
        this.preprocessor = new Preprocessor(model.preprocessing(), input.layout(), input.width(), input.height(), 1);
        long[] sizes = runner.slotFloats();
        this.outputs = new FloatBuffer[sizes.length];
        for (int o = 0; o < sizes.length; o++) {
            outputs[o] = ByteBuffer.allocateDirect(Math.toIntExact(sizes[o] * Float.BYTES))
                    .order(ByteOrder.nativeOrder())
                    .asFloatBuffer();
        }
        this.request = new BatchRequest(preprocessor.blobBuffer(), outputs);
        this.candidates = new Candidates(256, decoder.keypoints(), decoder.keypointDims());
    }

    @Override
    public List<Detection> detect(Mat bgr) throws ModelException {
        long start = System.nanoTime();
        LetterboxGeometry g = run(bgr);
        long inferred = System.nanoTime();
        long stamp = model.lock().readLock();
        try {
            List<Detection> found = BoxResults.detections(candidates, nms, decode(g), labels, g.sourceWidth(),
                    g.sourceHeight());
            phases.record(start, preprocessed, inferred, System.nanoTime());
            return found;
        } finally {
            model.lock().unlockRead(stamp);
        }
    }

    @Override
    public List<Pose> estimate(Mat bgr) throws ModelException {
        long start = System.nanoTime();
        LetterboxGeometry g = run(bgr);
        long inferred = System.nanoTime();
        long stamp = model.lock().readLock();
        try {
            List<Pose> found = BoxResults.poses(candidates, nms, decode(g), labels, g.sourceWidth(), g.sourceHeight());
            phases.record(start, preprocessed, inferred, System.nanoTime());
            return found;
        } finally {
            model.lock().unlockRead(stamp);
        }
    }

    @Override
    public Prediction predict(Mat bgr) throws ModelException {
        return decoder.keypoints() > 0 ? new Poses(estimate(bgr)) : new Detections(detect(bgr));
    }

    @Override
    public PhaseTimes phases() {
        return phases;
    }

    /** Pre-processes under the read lock (stamping {@link #preprocessed}), then waits for the batch without it. */
    private LetterboxGeometry run(Mat bgr) throws ModelException {
        if (closed) {
            throw new IllegalStateException("This batched detector of model '" + model.info().id() + "' is closed");
        }
        LetterboxGeometry g;
        long stamp = model.lock().readLock();
        try {
            if (model.isClosed()) {
                throw model.closedError();
            }
            try {
                g = preprocessor.apply(0, bgr);
            } catch (IllegalArgumentException e) {
                throw new ModelException("Model '" + model.info().id() + "': " + e.getMessage());
            }
        } finally {
            model.lock().unlockRead(stamp);
        }
        preprocessed = System.nanoTime();
        runner.submit(request);
        return g;
    }

    /** Decodes and suppresses; caller holds the read lock. */
    private int decode(LetterboxGeometry g) throws ModelException {
        if (model.isClosed()) {
            throw model.closedError();
        }
        candidates.clear();
        decoder.decode(outputs, confidence, candidates);
        BoxResults.toImage(candidates, 0, candidates.size(), g, 0f, 0f);
        return nms.run(candidates, iou, Nms.DEFAULT_MAX_DETECTIONS);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        preprocessor.close();
        model.forget(this);
    }
}
