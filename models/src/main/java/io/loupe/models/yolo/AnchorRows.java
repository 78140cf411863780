package io.loupe.models.yolo;

import io.loupe.models.ModelException;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.OutputTensor;

/** The shape check shared by anchor-major heads {@code [1, anchors, 5 + classes]} (YOLOv5, YOLOX). */
final class AnchorRows {

    private AnchorRows() {
    }

    /**
     * Returns the single output after checking that it is {@code [1, anchors, 5 + labels]} ({@code [anchors, 5 +
     * labels]} is accepted too, as some exports drop the batch axis).
     */
    static OutputTensor single(DecoderContext context, String family, String layout, String exportFix)
            throws ModelException {
        String where = context.where();
        if (context.outputs().size() != 1) {
            throw new ModelException(where + " has " + context.outputs().size() + " outputs " + context.outputs()
                    + "; the " + family + " decoder expects one output " + layout + ". Fix: " + exportFix
                    + ", or set the decoder that matches this model");
        }
        OutputTensor output = context.outputs().get(0);
        if (output.rank() == 2) {
            output = new OutputTensor(output.name(), new long[] {1, output.dim(0), output.dim(1)});
        }
        int labels = context.labels().size();
        if (output.rank() != 3 || output.dim(0) != 1 || output.dim(1) < 1 || output.dim(2) < 6) {
            throw new ModelException(where + ": output " + output + " does not fit " + layout + hint(output, labels)
                    + ". Fix: " + exportFix + ", or set the decoder that matches this model");
        }
        long classes = output.dim(2) - 5;
        if (classes != labels) {
            throw new ModelException(where + ": output " + output + " holds " + classes + " class scores but "
                    + labels + " labels are known" + hint(output, labels)
                    + ". Fix: give exactly one label per class, in class-id order, in the manifest's labels");
        }
        if (output.dim(1) > Integer.MAX_VALUE / output.dim(2)) {
            throw new ModelException(where + ": output " + output + " is too large to decode");
        }
        return output;
    }

    private static String hint(OutputTensor output, int labels) {
        if (output.rank() == 3 && labels > 0 && output.dim(1) == 4L + labels) {
            return " (it looks like a YOLOv8/YOLO11 head, [1, 4 + classes, anchors]: use decoder yolov8)";
        }
        return "";
    }
}
