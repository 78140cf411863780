package io.loupe.models.yolo;

import io.loupe.models.ModelException;
import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.Decoder;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.DecoderFactory;
import io.loupe.models.decode.OutputTensor;
import java.nio.FloatBuffer;

/**
 * Decodes the Ultralytics YOLOv8 / YOLO11 pose output {@code [1, 4 + classes + k * dims, anchors]} (COCO persons:
 * {@code [1, 56, 8400]}, 17 keypoints of x, y, visibility): rows 0-3 are the box centre and size, then one score per
 * class, then for each keypoint its x and y in input pixels and (with 3 dims) its visibility, already sigmoided by the
 * export. The keypoint shape comes from the metadata's {@code kpt_shape} or the manifest's {@code keypoints}; without
 * either, 3 values per keypoint are assumed when the row count allows.
 */
public final class YoloPoseDecoder implements Decoder {

    /** The registry key; {@code yolov8-pose} and {@code yolo11-pose} are aliases. */
    public static final String KEY = "yolo-pose";

    private final int classes;
    private final int anchors;
    private final int keypoints;
    private final int dims;
    private final BestClass best;

    /**
     * @param classes classes, at least 1
     * @param anchors anchor points, at least 1
     * @param keypoints keypoints per object, at least 1
     * @param dims values per keypoint, 2 or 3
     */
    public YoloPoseDecoder(int classes, int anchors, int keypoints, int dims) {
        if (classes < 1 || anchors < 1 || keypoints < 1 || (dims != 2 && dims != 3)) {
            throw new IllegalArgumentException("YoloPoseDecoder needs classes, anchors and keypoints >= 1 and 2 or 3"
                    + " values per keypoint, got " + classes + ", " + anchors + ", " + keypoints + ", " + dims);
        }
        this.classes = classes;
        this.anchors = anchors;
        this.keypoints = keypoints;
        this.dims = dims;
        this.best = new BestClass(classes, anchors);
    }

    /** The factory registered under {@link #KEY}. */
    public static DecoderFactory factory() {
        return new Factory();
    }

    @Override
    public int keypoints() {
        return keypoints;
    }

    @Override
    public int keypointDims() {
        return dims;
    }

    public int anchors() {
        return anchors;
    }

    @Override
    public void decode(FloatBuffer[] outputs, float minScore, Candidates out) {
        FloatBuffer output = outputs[0];
        int n = anchors;
        best.scan(output, 4);
        int firstKeypointRow = 4 + classes;
        for (int i = 0; i < n; i++) {
            if (best.score(i) < minScore) {
                continue;
            }
            int box = best.addCandidate(output, i, out);
            for (int k = 0; k < keypoints; k++) {
                int row = firstKeypointRow + k * dims;
                for (int d = 0; d < dims; d++) {
                    out.setKeypoint(box, k, d, output.get((row + d) * n + i));
                }
            }
        }
    }

    /** Checks for one output {@code [1, 4 + labels + k * dims, anchors]}. */
    private static final class Factory implements DecoderFactory {

        @Override
        public String task() {
            return "pose";
        }

        @Override
        public Decoder create(DecoderContext context) throws ModelException {
            String where = context.where();
            if (context.outputs().size() != 1) {
                throw new ModelException(where + " has " + context.outputs().size() + " outputs " + context.outputs()
                        + "; the yolo-pose decoder expects one output [1, 4 + classes + keypoints * dims, anchors]."
                        + " Fix: use an Ultralytics pose export (yolo export model=yolo11n-pose.pt format=onnx)");
            }
            OutputTensor output = context.outputs().get(0);
            int labels = context.labels().size();
            if (output.rank() != 3 || output.dim(0) != 1 || output.dim(2) < 1 || output.dim(1) < 4L + labels + 2) {
                throw new ModelException(where + ": output " + output + " does not fit [1, 4 + " + labels
                        + " classes + keypoints * dims, anchors]. Fix: use an Ultralytics pose export, or the decoder"
                        + " that matches this model");
            }
            long rest = output.dim(1) - 4 - labels;
            int keypoints = context.hints().keypoints();
            int dims = context.hints().keypointDims();
            if (keypoints == 0) {
                if (rest % 3 != 0) {
                    throw new ModelException(where + ": output " + output + " leaves " + rest + " rows for keypoints"
                            + " and no kpt_shape says how they split. Fix: add keypoints: [count, 2 or 3] to the"
                            + " manifest");
                }
                keypoints = (int) (rest / 3);
                dims = 3;
            }
            if ((long) keypoints * dims != rest) {
                throw new ModelException(where + ": output " + output + " has " + rest + " keypoint rows after 4 box"
                        + " rows and " + labels + " class rows, but kpt_shape is [" + keypoints + ", " + dims + "] ("
                        + (long) keypoints * dims + " rows). Fix: give one label per class and the right keypoints:"
                        + " [count, dims] in the manifest");
            }
            if (output.dim(2) > Integer.MAX_VALUE / output.dim(1)) {
                throw new ModelException(where + ": output " + output + " is too large to decode");
            }
            return new YoloPoseDecoder(labels, (int) output.dim(2), keypoints, dims);
        }
    }
}
