package io.loupe.models.tflite;

import io.loupe.models.ModelException;
import java.util.List;

/**
 * MAX_POOL_2D, AVERAGE_POOL_2D (NCHW, explicit SAME pads; padded cells count neither for the max nor the average, as
 * in TFLite, which ONNX's {@code count_include_pad = 0} matches) and MEAN.
 */
final class PoolingOps {

    private PoolingOps() {
    }

    static void maxPool(TfliteOp op, Conversion cx) throws ModelException {
        pool(op, cx, "MaxPool");
    }

    static void averagePool(TfliteOp op, Conversion cx) throws ModelException {
        pool(op, cx, "AveragePool");
    }

    private static void pool(TfliteOp op, Conversion cx, String opType) throws ModelException {
        PoolOptions o = op.options().pool2d();
        int x = op.inputs()[0];
        int[] in = cx.shape(x);
        int[] padH = o.padding().explicit(in[1], o.filterH(), o.strideH(), 1);
        int[] padW = o.padding().explicit(in[2], o.filterW(), o.strideW(), 1);
        cx.emit(op, opType, List.of(cx.value(op, x, Layout.NCHW)), op.outputs()[0], Layout.NCHW, o.activation(),
                OnnxAttribute.ints("kernel_shape", o.filterH(), o.filterW()),
                OnnxAttribute.ints("strides", o.strideH(), o.strideW()),
                OnnxAttribute.ints("pads", padH[0], padW[0], padH[1], padW[1]));
    }

    /**
     * MEAN over constant axes: in NCHW when the input is held so and the kept axes stay in order, else in TFLite's own
     * layout.
     */
    static void mean(TfliteOp op, Conversion cx) throws ModelException {
        int x = op.inputs()[0];
        int rank = cx.rank(x);
        int[] axes = cx.ints(op, op.inputs()[1]);
        boolean[] reduced = new boolean[rank];
        for (int a : axes) {
            reduced[a < 0 ? a + rank : a] = true;
        }
        if (axes.length == 0) {
            Layout same = cx.layout(x);
            cx.emit(op, "Identity", List.of(cx.value(op, x, same)), op.outputs()[0], same, FusedActivation.NONE);
            return;
        }
        boolean keep = op.options().reducerKeepDims();
        Layout layout = rank == 4 && cx.layout(x) == Layout.NCHW && (keep || keptInOrder(reduced))
                ? Layout.NCHW : Layout.NATURAL;
        long[] onnxAxes = new long[countTrue(reduced)];
        int n = 0;
        for (int a = 0; a < rank; a++) {
            if (reduced[a]) {
                onnxAxes[n++] = layout.axis(a);
            }
        }
        java.util.Arrays.sort(onnxAxes);
        cx.emit(op, "ReduceMean", List.of(cx.value(op, x, layout)), op.outputs()[0],
                keep ? layout : Layout.NATURAL, FusedActivation.NONE, OnnxAttribute.ints("axes", onnxAxes),
                OnnxAttribute.of("keepdims", keep ? 1L : 0L));
    }

    /** True when the axes left after the reduction come in the same order in NHWC and NCHW. */
    private static boolean keptInOrder(boolean[] reduced) {
        int previous = -1;
        for (int a = 0; a < 4; a++) {
            if (!reduced[a]) {
                int at = Layout.NCHW.axis(a);
                if (at < previous) {
                    return false;
                }
                previous = at;
            }
        }
        return true;
    }

    private static int countTrue(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }
}
