package io.loupe.models.yolo;

import io.loupe.models.ModelException;
import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.Decoder;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.DecoderFactory;
import io.loupe.models.decode.OutputTensor;
import io.loupe.models.preprocess.Preprocessing;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * Decodes Megvii YOLOX exports (and the YOLOX-style person detectors derived from them) whose head is exported without
 * {@code decode_in_inference}: output {@code [1, anchors, 5 + classes]}, one anchor per cell of the stride-8, -16 and
 * -32 feature maps (row by row, finest first), holding the raw offsets {@code dx, dy}, log sizes {@code lw, lh}, the
 * objectness and the class scores (those two already sigmoided). A box is {@code x = (dx + col) * stride},
 * {@code y = (dy + row) * stride}, {@code w = exp(lw) * stride}, {@code h = exp(lh) * stride}; its score objectness
 * times the best class score, as YOLOX's demo post-processing. The grid is computed once per decoder.
 *
 * <p>Input as YOLOX trains: BGR, 0..255, no mean or std, top-left letterbox with gray 114
 * ({@link Preprocessing#YOLOX}).
 */
public final class YoloxDecoder implements Decoder {

    /** The registry key. */
    public static final String KEY = "yolox";

    /** YOLOX's strides unless the manifest's {@code strides} says otherwise. */
    public static final List<Integer> DEFAULT_STRIDES = List.of(8, 16, 32);

    private final int classes;
    private final int anchors;
    private final float[] gridX;
    private final float[] gridY;
    private final float[] stride;
    private final ObjectnessScore scored;

    /**
     * @param classes number of classes, at least 1
     * @param inputWidth model input width
     * @param inputHeight model input height
     * @param strides feature-map strides, finest first
     * @throws IllegalArgumentException when the sizes or strides give no anchors
     */
    public YoloxDecoder(int classes, int inputWidth, int inputHeight, List<Integer> strides) {
        int count = anchorCount(inputWidth, inputHeight, strides);
        if (classes < 1 || count < 1) {
            throw new IllegalArgumentException("YoloxDecoder needs at least one class and one anchor, got " + classes
                    + " classes and " + count + " anchors (input " + inputWidth + "x" + inputHeight + ", strides "
                    + strides + ")");
        }
        this.classes = classes;
        this.anchors = count;
        this.gridX = new float[count];
        this.gridY = new float[count];
        this.stride = new float[count];
        this.scored = new ObjectnessScore(classes);
        int i = 0;
        for (int s : strides) {
            int rows = inputHeight / s;
            int cols = inputWidth / s;
            for (int row = 0; row < rows; row++) {
                for (int col = 0; col < cols; col++) {
                    gridX[i] = col;
                    gridY[i] = row;
                    stride[i] = s;
                    i++;
                }
            }
        }
    }

    /** Anchors of a YOLOX head: the sum over strides of {@code (height / s) * (width / s)}. */
    public static int anchorCount(int inputWidth, int inputHeight, List<Integer> strides) {
        long count = 0;
        for (int s : strides) {
            if (s < 1) {
                throw new IllegalArgumentException("Stride " + s + " in " + strides + " is not positive");
            }
            count += (long) (inputHeight / s) * (inputWidth / s);
        }
        return Math.toIntExact(count);
    }

    /** The factory registered under {@link #KEY}. */
    public static DecoderFactory factory() {
        return new Factory();
    }

    public int anchors() {
        return anchors;
    }

    @Override
    public void decode(FloatBuffer[] outputs, float minScore, Candidates out) {
        FloatBuffer output = outputs[0];
        int rowLength = 5 + classes;
        for (int i = 0, base = 0; i < anchors; i++, base += rowLength) {
            if (!scored.read(output, base, minScore)) {
                continue;
            }
            float s = stride[i];
            float cx = (output.get(base) + gridX[i]) * s;
            float cy = (output.get(base + 1) + gridY[i]) * s;
            float halfW = (float) Math.exp(output.get(base + 2)) * s / 2f;
            float halfH = (float) Math.exp(output.get(base + 3)) * s / 2f;
            out.add(cx - halfW, cy - halfH, cx + halfW, cy + halfH, scored.score(), scored.classId());
        }
    }

    /** Checks for one output {@code [1, anchors, 5 + labels]} whose anchor count matches the grid. */
    private static final class Factory implements DecoderFactory {

        @Override
        public String task() {
            return "detect";
        }

        @Override
        public Preprocessing preprocessing() {
            return Preprocessing.YOLOX;
        }

        @Override
        public Decoder create(DecoderContext context) throws ModelException {
            OutputTensor output = AnchorRows.single(context, "yolox", "[1, anchors, 5 + classes]",
                    "export it with YOLOX's tools/export_onnx.py (without --decode_in_inference)");
            List<Integer> strides = context.hints().strides().isEmpty() ? DEFAULT_STRIDES : context.hints().strides();
            int expected;
            try {
                expected = anchorCount(context.inputWidth(), context.inputHeight(), strides);
            } catch (IllegalArgumentException e) {
                throw new ModelException(context.where() + ": " + e.getMessage()
                        + ". Fix: set strides: [8, 16, 32] in the manifest");
            }
            if (output.dim(1) != expected) {
                throw new ModelException(context.where() + ": output " + output + " has " + output.dim(1)
                        + " anchors, but a " + context.inputWidth() + "x" + context.inputHeight() + " input with"
                        + " strides " + strides + " gives " + expected + ". Fix: set the model's strides in the"
                        + " manifest (strides: [8, 16, 32, 64] for P6 models) or check the input size");
            }
            return new YoloxDecoder(context.labels().size(), context.inputWidth(), context.inputHeight(), strides);
        }
    }
}
