package io.loupe.models.tflite;

import io.loupe.models.ModelException;
import java.util.ArrayList;
import java.util.List;

/**
 * CONV_2D, DEPTHWISE_CONV_2D and FULLY_CONNECTED. Images are NCHW for ONNX's Conv: filters {@code [O, kh, kw, I]} are
 * transposed to {@code [O, I, kh, kw]}, depthwise filters {@code [1, kh, kw, C*M]} to {@code [C*M, 1, kh, kw]} with
 * {@code group = C}; TF SAME padding becomes explicit pads; the fused activation follows as its own node.
 */
final class ConvolutionOps {

    /** Axis order of a depthwise filter {@code [1, kh, kw, C*M]} as ONNX's {@code [C*M, 1, kh, kw]}. */
    private static final int[] DEPTHWISE_TO_ONNX = {3, 0, 1, 2};

    private ConvolutionOps() {
    }

    static void conv2d(TfliteOp op, Conversion cx) throws ModelException {
        ConvOptions o = op.options().conv2d();
        int x = op.inputs()[0];
        int w = op.inputs()[1];
        int[] in = cx.shape(x);
        int[] filter = cx.shape(w);
        int group = in[3] / filter[3];
        if (group * filter[3] != in[3]) {
            throw new ModelException("TFLite model " + cx.tflite().source() + ": operator #" + op.index()
                    + " CONV_2D has " + in[3] + " input channels, not a multiple of its filter's " + filter[3]
                    + ". Fix: the file is corrupt; convert it again");
        }
        String weights = cx.value(op, w, Layout.NCHW);
        conv(op, cx, o, x, weights, filter[1], filter[2], group);
    }

    static void depthwiseConv2d(TfliteOp op, Conversion cx) throws ModelException {
        ConvOptions o = op.options().depthwiseConv2d();
        int x = op.inputs()[0];
        int w = op.inputs()[1];
        int[] filter = cx.shape(w);
        String weights = cx.permuted(op, w, DEPTHWISE_TO_ONNX, "dw");
        conv(op, cx, o, x, weights, filter[1], filter[2], cx.shape(x)[3]);
    }

    private static void conv(TfliteOp op, Conversion cx, ConvOptions o, int x, String weights, int kh, int kw,
            int group) throws ModelException {
        int[] in = cx.shape(x);
        int[] padH = o.padding().explicit(in[1], kh, o.strideH(), o.dilationH());
        int[] padW = o.padding().explicit(in[2], kw, o.strideW(), o.dilationW());
        List<String> inputs = new ArrayList<>(List.of(cx.value(op, x, Layout.NCHW), weights));
        int bias = Conversion.input(op, 2);
        if (bias >= 0) {
            inputs.add(cx.value(op, bias, Layout.NATURAL));
        }
        cx.emit(op, "Conv", inputs, op.outputs()[0], Layout.NCHW, o.activation(),
                OnnxAttribute.ints("kernel_shape", kh, kw),
                OnnxAttribute.ints("strides", o.strideH(), o.strideW()),
                OnnxAttribute.ints("dilations", o.dilationH(), o.dilationW()),
                OnnxAttribute.ints("pads", padH[0], padW[0], padH[1], padW[1]),
                OnnxAttribute.of("group", (long) group));
    }

    /**
     * {@code y = x W^T + b} with weights {@code [O, K]}: inputs of rank above 2 are flattened to {@code [-1, K]} (Gemm),
     * or keep their leading axes with {@code keep_num_dims} (MatMul + Add).
     */
    static void fullyConnected(TfliteOp op, Conversion cx) throws ModelException {
        if (op.options().fullyConnectedWeightsFormat() != 0) {
            throw new ModelException("TFLite model " + cx.tflite().source() + ": operator #" + op.index()
                    + " FULLY_CONNECTED uses shuffled int8 weights (weights_format "
                    + op.options().fullyConnectedWeightsFormat() + "): quantized models are not supported. Fix: use"
                    + " the float version of the model");
        }
        int x = op.inputs()[0];
        int w = op.inputs()[1];
        int bias = Conversion.input(op, 2);
        int out = op.outputs()[0];
        int k = cx.shape(w)[1];
        String input = ShapeOps.naturalOrder(op, cx, x);
        FusedActivation activation = op.options().firstActivation();
        if (op.options().fullyConnectedKeepNumDims() && cx.rank(x) > 2) {
            String product = cx.temp("t" + out + "_matmul");
            cx.onnx().node("MatMul", List.of(input, cx.permuted(op, w, new int[] {1, 0}, "fc_t")),
                    List.of(product));
            if (bias >= 0) {
                cx.emit(op, "Add", List.of(product, cx.value(op, bias, Layout.NATURAL)), out, Layout.NATURAL,
                        activation);
            } else {
                cx.emit(op, "Identity", List.of(product), out, Layout.NATURAL, activation);
            }
            return;
        }
        if (cx.rank(x) != 2) {
            String flat = cx.temp("t" + x + "_flat");
            cx.onnx().node("Reshape", List.of(input, cx.int64s("shape", -1, k)), List.of(flat));
            input = flat;
        }
        List<String> inputs = new ArrayList<>(List.of(input, cx.value(op, w, Layout.NATURAL)));
        if (bias >= 0) {
            inputs.add(cx.value(op, bias, Layout.NATURAL));
        }
        cx.emit(op, "Gemm", inputs, out, Layout.NATURAL, activation, OnnxAttribute.of("transB", 1L));
    }
}
