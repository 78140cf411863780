package io.loupe.models.yolo;

import io.loupe.models.ModelException;
import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.Decoder;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.DecoderFactory;
import io.loupe.models.decode.OutputTensor;
import java.nio.FloatBuffer;

/**
 * Decodes the Ultralytics YOLOv8 / YOLO11 detection output {@code [1, 4 + classes, anchors]}: for each anchor, rows 0-3
 * hold the box centre x, centre y, width and height in input pixels, and the next rows one score per class (already
 * sigmoided; there is no objectness). An anchor becomes a candidate with its best class when that class's score
 * reaches the threshold, as Ultralytics does without {@code multi_label}. Reads the buffer row by row (class-major)
 * into reused arrays.
 */
public final class Yolov8Decoder implements Decoder {

    /** The registry key; {@code yolo11} is an alias. */
    public static final String KEY = "yolov8";

    private final int classes;
    private final int anchors;
    private final BestClass best;

    /**
     * @param classes number of classes, at least 1
     * @param anchors number of anchor points (8400 for a 640 input), at least 1
     */
    public Yolov8Decoder(int classes, int anchors) {
        if (classes < 1 || anchors < 1) {
            throw new IllegalArgumentException("Yolov8Decoder needs at least one class and one anchor, got "
                    + classes + " classes and " + anchors + " anchors");
        }
        this.classes = classes;
        this.anchors = anchors;
        this.best = new BestClass(classes, anchors);
    }

    /** The factory registered under {@link #KEY}. */
    public static DecoderFactory factory() {
        return new Factory();
    }

    public int classes() {
        return classes;
    }

    public int anchors() {
        return anchors;
    }

    @Override
    public void decode(FloatBuffer[] outputs, float minScore, Candidates out) {
        FloatBuffer output = outputs[0];
        int n = anchors;
        best.scan(output, 4);
        for (int i = 0; i < n; i++) {
            if (best.score(i) >= minScore) {
                best.addCandidate(output, i, out);
            }
        }
    }

    /** Checks for one output {@code [1, 4 + labels, anchors]}. */
    private static final class Factory implements DecoderFactory {

        @Override
        public String task() {
            return "detect";
        }

        @Override
        public Decoder create(DecoderContext context) throws ModelException {
            String where = context.where();
            if (context.outputs().size() != 1) {
                throw new ModelException(where + " has " + context.outputs().size() + " outputs "
                        + context.outputs() + "; the yolov8 decoder expects one output [1, 4 + classes, anchors]."
                        + " Fix: use a detection export (a segmentation export has 2 outputs: use its own decoder"
                        + " when one exists) or set the decoder that matches this model");
            }
            OutputTensor output = context.outputs().get(0);
            int labels = context.labels().size();
            if (output.rank() != 3 || output.dim(0) != 1 || output.dim(1) < 5 || output.dim(2) < 1) {
                throw new ModelException(where + ": output " + output + " does not fit [1, 4 + classes, anchors]"
                        + hint(output, labels) + ". Fix: export the model with Ultralytics"
                        + " (yolo export format=onnx nms=False) or set the decoder that matches this model");
            }
            long classes = output.dim(1) - 4;
            if (classes != labels) {
                throw new ModelException(where + ": output " + output + " holds " + classes + " class scores but "
                        + labels + " labels are known" + hint(output, labels)
                        + ". Fix: give exactly one label per class, in class-id order, in the manifest's labels");
            }
            if (output.dim(2) > Integer.MAX_VALUE / output.dim(1)) {
                throw new ModelException(where + ": output " + output + " is too large to decode");
            }
            return new Yolov8Decoder((int) classes, (int) output.dim(2));
        }

        private static String hint(OutputTensor output, int labels) {
            if (output.rank() == 3 && output.dim(2) == 6 && output.dim(1) <= 1000) {
                return " (it looks like an end-to-end export with NMS built in, [1, detections, 6]: re-export with"
                        + " nms=False)";
            }
            if (output.rank() == 3 && labels > 0 && output.dim(2) == 4L + labels) {
                return " (it looks transposed, [1, anchors, 4 + classes]: re-export with Ultralytics, or use a"
                        + " decoder for that layout)";
            }
            if (output.rank() == 3 && labels > 0 && output.dim(2) == 5L + labels) {
                return " (it looks like a YOLOv5 or YOLOX head with objectness, [1, anchors, 5 + classes]: use decoder"
                        + " yolov5, or yolox for Megvii YOLOX exports)";
            }
            if (output.rank() == 3 && labels > 0 && output.dim(1) > 4L + labels) {
                return " (it has more rows than boxes and classes: a pose export needs decoder yolo-pose)";
            }
            return "";
        }
    }
}
