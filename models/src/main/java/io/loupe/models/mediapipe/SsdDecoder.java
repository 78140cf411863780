package io.loupe.models.mediapipe;

import io.loupe.models.ModelException;
import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.Decoder;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.DecoderFactory;
import io.loupe.models.decode.OutputTensor;
import io.loupe.models.preprocess.ChannelValues;
import io.loupe.models.preprocess.ColorOrder;
import io.loupe.models.preprocess.Preprocessing;
import io.loupe.models.preprocess.ResizeMode;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * MediaPipe's SSD-anchor detectors (BlazePose person detector, BlazeFace): regressors {@code [1, N, 4 + 2k]} (box
 * centre dx, dy, width, height, then k keypoints x, y, all in input pixels relative to the anchor centre) and scores
 * {@code [1, N, 1]} (logits, clipped to ±100 and passed through a sigmoid), decoded as MediaPipe's
 * {@code TensorsToDetectionsCalculator} does with the anchors of {@link SsdAnchors}. Boxes and keypoints come out in
 * model-input pixels. MediaPipe merges overlapping boxes with {@link WeightedNms}; in a {@code Model}'s detector they
 * go through the usual greedy NMS.
 */
public final class SsdDecoder implements Decoder {

    /** The registry key; aliases {@code blazeface} and {@code blazepose-detector}. */
    public static final String KEY = "mediapipe-ssd";
    /** MediaPipe's score clipping before the sigmoid. */
    static final float SCORE_CLIP = 100f;

    /** MediaPipe's detector input: letterboxed with black, RGB, {@code pixel / 127.5 - 1}. */
    public static final Preprocessing PREPROCESSING = new Preprocessing(ResizeMode.LETTERBOX, ColorOrder.RGB,
            1f / 127.5f, ChannelValues.ONE, ChannelValues.ONE, 0);

    private final SsdAnchorOptions options;
    private final SsdAnchors anchors;
    private final int regressorsOutput;
    private final int scoresOutput;
    private final int coords;

    /**
     * @param regressorsOutput index of the {@code [1, N, 4 + 2k]} output among the model's outputs
     * @param scoresOutput index of the {@code [1, N, 1]} output
     */
    public SsdDecoder(SsdAnchorOptions options, int regressorsOutput, int scoresOutput) {
        this.options = options;
        this.anchors = SsdAnchors.generate(options);
        this.regressorsOutput = regressorsOutput;
        this.scoresOutput = scoresOutput;
        this.coords = 4 + 2 * options.keypoints();
    }

    /** The factory registered under {@link #KEY}. */
    public static DecoderFactory factory() {
        return new Factory();
    }

    public SsdAnchorOptions options() {
        return options;
    }

    @Override
    public void decode(FloatBuffer[] outputs, float minScore, Candidates out) {
        FloatBuffer boxes = outputs[regressorsOutput];
        FloatBuffer scores = outputs[scoresOutput];
        float w = options.inputWidth();
        float h = options.inputHeight();
        float s = options.scale();
        int keypoints = options.keypoints();
        for (int i = 0; i < anchors.count(); i++) {
            float score = sigmoid(Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, scores.get(i))));
            if (score < minScore) {
                continue;
            }
            int at = i * coords;
            float ax = anchors.centreX(i);
            float ay = anchors.centreY(i);
            float aw = anchors.width(i);
            float ah = anchors.height(i);
            float cx = (boxes.get(at) / s * aw + ax) * w;
            float cy = (boxes.get(at + 1) / s * ah + ay) * h;
            float bw = boxes.get(at + 2) / s * aw * w;
            float bh = boxes.get(at + 3) / s * ah * h;
            int box = out.add(cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2, score, 0);
            for (int k = 0; k < keypoints; k++) {
                out.setKeypoint(box, k, 0, (boxes.get(at + 4 + 2 * k) / s * aw + ax) * w);
                out.setKeypoint(box, k, 1, (boxes.get(at + 5 + 2 * k) / s * ah + ay) * h);
            }
        }
    }

    @Override
    public int keypoints() {
        return options.keypoints();
    }

    @Override
    public int keypointDims() {
        return 2;
    }

    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    /** Finds the regressors and scores by shape and the anchor preset by input size and anchor count. */
    private static final class Factory implements DecoderFactory {

        @Override
        public String task() {
            return "detect";
        }

        @Override
        public boolean requiresLabels() {
            return false;
        }

        @Override
        public Preprocessing preprocessing() {
            return PREPROCESSING;
        }

        @Override
        public Decoder create(DecoderContext context) throws ModelException {
            List<OutputTensor> outputs = context.outputs();
            int regressors = -1;
            int scores = -1;
            for (int i = 0; i < outputs.size(); i++) {
                OutputTensor o = outputs.get(i);
                if (o.rank() == 3 && o.dim(0) == 1 && o.dim(2) == 1) {
                    scores = i;
                } else if (o.rank() == 3 && o.dim(0) == 1 && o.dim(2) >= 4) {
                    regressors = i;
                }
            }
            if (regressors < 0 || scores < 0
                    || outputs.get(regressors).dim(1) != outputs.get(scores).dim(1)) {
                throw new ModelException(context.where() + " has outputs " + outputs + "; a MediaPipe SSD detector"
                        + " has regressors [1, N, 4 + 2 x keypoints] and scores [1, N, 1]. Fix: use decoder "
                        + KEY + " only for MediaPipe's BlazePose detector and BlazeFace models");
            }
            int anchors = (int) outputs.get(regressors).dim(1);
            SsdAnchorOptions options = SsdAnchorOptions.preset(context.inputWidth(), context.inputHeight(), anchors)
                    .orElseThrow(() -> new ModelException(context.where() + ": no MediaPipe anchor preset for a "
                            + context.inputWidth() + "x" + context.inputHeight() + " input with " + anchors
                            + " anchors; known: 224x224 with 2254 (pose detector), 128x128 with 896 (face short"
                            + " range), 192x192 with 2304 (face full range). Fix: use one of these models, or add its"
                            + " SsdAnchorOptions"));
            long coords = outputs.get(regressors).dim(2);
            if (coords != 4 + 2L * options.keypoints()) {
                throw new ModelException(context.where() + ": regressors " + outputs.get(regressors) + " have "
                        + coords + " values per anchor, but the " + context.inputWidth() + "x" + context.inputHeight()
                        + " preset expects " + (4 + 2 * options.keypoints()) + " (box + " + options.keypoints()
                        + " keypoints). Fix: check that this is the MediaPipe model the input size suggests");
            }
            return new SsdDecoder(options, regressors, scores);
        }
    }
}
