package io.loupe.models.yolo;

import io.loupe.models.ModelException;
import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.Decoder;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.DecoderFactory;
import io.loupe.models.decode.OutputTensor;
import java.nio.FloatBuffer;

/**
 * Decodes the YOLOv5 (and YOLOv7) detection output {@code [1, anchors, 5 + classes]}: for each anchor its box centre
 * x, centre y, width and height in input pixels, its objectness and one score per class, all already sigmoided by the
 * export. As YOLOv5's own NMS: an anchor is skipped when its objectness is below the threshold, otherwise its score is
 * objectness times its best class score.
 */
public final class Yolov5Decoder implements Decoder {

    /** The registry key; {@code yolov7} is an alias. */
    public static final String KEY = "yolov5";

    private final int classes;
    private final int anchors;
    private final ObjectnessScore scored;

    /**
     * @param classes number of classes, at least 1
     * @param anchors number of anchors (25200 for a 640 input), at least 1
     */
    public Yolov5Decoder(int classes, int anchors) {
        if (classes < 1 || anchors < 1) {
            throw new IllegalArgumentException("Yolov5Decoder needs at least one class and one anchor, got "
                    + classes + " classes and " + anchors + " anchors");
        }
        this.classes = classes;
        this.anchors = anchors;
        this.scored = new ObjectnessScore(classes);
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
        int stride = 5 + classes;
        for (int i = 0, base = 0; i < anchors; i++, base += stride) {
            if (!scored.read(output, base, minScore)) {
                continue;
            }
            float cx = output.get(base);
            float cy = output.get(base + 1);
            float halfW = output.get(base + 2) / 2f;
            float halfH = output.get(base + 3) / 2f;
            out.add(cx - halfW, cy - halfH, cx + halfW, cy + halfH, scored.score(), scored.classId());
        }
    }

    /** Checks for one output {@code [1, anchors, 5 + labels]}. */
    private static final class Factory implements DecoderFactory {

        @Override
        public String task() {
            return "detect";
        }

        @Override
        public Decoder create(DecoderContext context) throws ModelException {
            OutputTensor output = AnchorRows.single(context, "yolov5", "[1, anchors, 5 + classes]",
                    "export it with YOLOv5's export.py --include onnx (without --nms)");
            return new Yolov5Decoder(context.labels().size(), (int) output.dim(1));
        }
    }
}
