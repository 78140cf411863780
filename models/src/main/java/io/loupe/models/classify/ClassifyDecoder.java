package io.loupe.models.classify;

import io.loupe.models.ModelException;
import io.loupe.models.decode.ClassDecoder;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.DecoderFactory;
import io.loupe.models.decode.OutputTensor;
import io.loupe.models.preprocess.Preprocessing;
import java.nio.FloatBuffer;

/**
 * Decodes an image classifier's output {@code [1, classes]} (also {@code [1, classes, 1, 1]}) into probabilities.
 * Ultralytics classification exports end in a softmax already; many other exports give logits. Unless the manifest's
 * {@code softmax} decides, the values of each image are used as they are when all lie in [0, 1] (probabilities, from a
 * softmax or from independent sigmoids), and a softmax is applied otherwise (logits).
 */
public final class ClassifyDecoder implements ClassDecoder {

    /** The registry key. */
    public static final String KEY = "classify";

    private final int classes;
    private final Boolean softmax;

    /**
     * @param classes number of classes, at least 1
     * @param softmax true to always apply a softmax, false never, null to decide from each image's values
     */
    public ClassifyDecoder(int classes, Boolean softmax) {
        if (classes < 1) {
            throw new IllegalArgumentException("ClassifyDecoder needs at least one class, got " + classes);
        }
        this.classes = classes;
        this.softmax = softmax;
    }

    /** The factory registered under {@link #KEY}. */
    public static DecoderFactory factory() {
        return new Factory();
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public void decode(FloatBuffer[] outputs, float[] probabilities) {
        FloatBuffer output = outputs[0];
        boolean normalised = true;
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            float v = output.get(c);
            probabilities[c] = v;
            normalised &= v >= 0f && v <= 1f;
            max = Math.max(max, v);
        }
        boolean apply = softmax != null ? softmax : !normalised;
        if (!apply) {
            return;
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            double e = Math.exp(probabilities[c] - max);
            probabilities[c] = (float) e;
            sum += e;
        }
        for (int c = 0; c < classes; c++) {
            probabilities[c] = (float) (probabilities[c] / sum);
        }
    }

    /** Checks for one output {@code [1, labels]}. */
    private static final class Factory implements DecoderFactory {

        @Override
        public String task() {
            return "classify";
        }

        @Override
        public Preprocessing preprocessing() {
            return Preprocessing.CLASSIFY;
        }

        @Override
        public ClassDecoder create(DecoderContext context) throws ModelException {
            String where = context.where();
            if (context.outputs().size() != 1) {
                throw new ModelException(where + " has " + context.outputs().size() + " outputs " + context.outputs()
                        + "; the classify decoder expects one output [1, classes]. Fix: export the classifier"
                        + " with a single output, or set the decoder that matches this model");
            }
            OutputTensor output = context.outputs().get(0);
            long classes = output.rank() >= 2 ? output.dim(1) : -1;
            boolean fits = output.rank() >= 2 && output.dim(0) == 1 && classes >= 1;
            for (int d = 2; fits && d < output.rank(); d++) {
                fits = output.dim(d) == 1;
            }
            if (!fits) {
                throw new ModelException(where + ": output " + output + " does not fit [1, classes]. Fix: use a"
                        + " classification export (Ultralytics: yolo export model=yolo11n-cls.pt format=onnx), or the"
                        + " decoder that matches this model");
            }
            int labels = context.labels().size();
            if (classes != labels) {
                throw new ModelException(where + ": output " + output + " holds " + classes + " class scores but "
                        + labels + " labels are known. Fix: give exactly one label per class, in class-id order,"
                        + " in the manifest's labels");
            }
            return new ClassifyDecoder((int) classes, context.hints().softmax());
        }
    }
}
