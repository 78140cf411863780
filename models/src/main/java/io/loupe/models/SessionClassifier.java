package io.loupe.models;

import ai.onnxruntime.OrtException;
import io.loupe.models.decode.ClassDecoder;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** The {@link Classifier} of a classification model: pre-processing → shared session → probabilities → top classes. */
final class SessionClassifier implements Classifier, Model.Attached {

    private final Model model;
    private final ClassDecoder decoder;
    private final List<String> labels;
    private final SessionIo io;
    private final float[] probabilities;
    private final int[] top;
    private volatile boolean closed;

    SessionClassifier(Model model, ClassDecoder decoder) throws OrtException {
        this.model = model;
        this.decoder = decoder;
        this.labels = model.info().labels();
        this.probabilities = new float[decoder.classes()];
        this.top = new int[Math.min(Classification.TOP, decoder.classes())];
        this.io = new SessionIo(model, 1);
    }

    @Override
    public Classification classify(Mat bgr) throws ModelException {
        if (closed) {
            throw new IllegalStateException("This classifier of model '" + model.info().id() + "' is closed");
        }
        long stamp = model.lock().readLock();
        try {
            if (model.isClosed()) {
                throw model.closedError();
            }
            io.prepare(0, bgr);
            io.run(1);
            decoder.decode(io.outputs(0), probabilities);
            return new Classification(best());
        } finally {
            model.lock().unlockRead(stamp);
        }
    }

    /** The top classes by a partial selection (k is at most 5), best first. */
    private List<ClassScore> best() {
        int k = top.length;
        int filled = 0;
        for (int c = 0; c < probabilities.length; c++) {
            float p = probabilities[c];
            if (filled == k && p <= probabilities[top[k - 1]]) {
                continue;
            }
            int at = filled < k ? filled++ : k - 1;
            while (at > 0 && probabilities[top[at - 1]] < p) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = c;
        }
        List<ClassScore> scores = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            scores.add(new ClassScore(top[i], labels.get(top[i]), probabilities[top[i]]));
        }
        return scores;
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
