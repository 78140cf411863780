package io.loupe.models.tflite;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The converter of each TFLite builtin operator the importer supports; adding one touches this table only. */
final class OpConverters {

    private static final Map<Integer, OpConverter> BY_CODE;

    static {
        Map<Integer, OpConverter> m = new TreeMap<>();
        m.put(BuiltinOps.CONV_2D, ConvolutionOps::conv2d);
        m.put(BuiltinOps.DEPTHWISE_CONV_2D, ConvolutionOps::depthwiseConv2d);
        m.put(BuiltinOps.FULLY_CONNECTED, ConvolutionOps::fullyConnected);
        m.put(BuiltinOps.MAX_POOL_2D, PoolingOps::maxPool);
        m.put(BuiltinOps.AVERAGE_POOL_2D, PoolingOps::averagePool);
        m.put(BuiltinOps.MEAN, PoolingOps::mean);
        m.put(BuiltinOps.ADD, ElementwiseOps::add);
        m.put(BuiltinOps.SUB, ElementwiseOps::sub);
        m.put(BuiltinOps.MUL, ElementwiseOps::mul);
        m.put(BuiltinOps.DIV, ElementwiseOps::div);
        m.put(BuiltinOps.MAXIMUM, ElementwiseOps::maximum);
        m.put(BuiltinOps.MINIMUM, ElementwiseOps::minimum);
        m.put(BuiltinOps.PRELU, ElementwiseOps::prelu);
        m.put(BuiltinOps.LOGISTIC, ElementwiseOps::logistic);
        m.put(BuiltinOps.RELU, ElementwiseOps::relu);
        m.put(BuiltinOps.RELU6, ElementwiseOps::relu6);
        m.put(BuiltinOps.RELU_N1_TO_1, ElementwiseOps::reluN1To1);
        m.put(BuiltinOps.TANH, ElementwiseOps::tanh);
        m.put(BuiltinOps.HARD_SWISH, ElementwiseOps::hardSwish);
        m.put(BuiltinOps.LEAKY_RELU, ElementwiseOps::leakyRelu);
        m.put(BuiltinOps.SOFTMAX, ElementwiseOps::softmax);
        m.put(BuiltinOps.RESHAPE, ShapeOps::reshape);
        m.put(BuiltinOps.SQUEEZE, ShapeOps::reshape);
        m.put(BuiltinOps.TRANSPOSE, ShapeOps::transpose);
        m.put(BuiltinOps.CONCATENATION, ShapeOps::concatenation);
        m.put(BuiltinOps.PAD, ShapeOps::pad);
        m.put(BuiltinOps.PADV2, ShapeOps::pad);
        m.put(BuiltinOps.DEPTH_TO_SPACE, ShapeOps::depthToSpace);
        m.put(BuiltinOps.RESIZE_BILINEAR, ShapeOps::resizeBilinear);
        m.put(BuiltinOps.RESIZE_NEAREST_NEIGHBOR, ShapeOps::resizeNearest);
        m.put(BuiltinOps.DEQUANTIZE, ConstantOps::dequantize);
        m.put(BuiltinOps.DENSIFY, ConstantOps::densify);
        BY_CODE = Collections.unmodifiableMap(m);
    }

    private OpConverters() {
    }

    static Optional<OpConverter> find(TfliteOp op) {
        return op.code() == BuiltinOps.CUSTOM ? Optional.empty() : Optional.ofNullable(BY_CODE.get(op.code()));
    }

    /** The supported operators' names, comma-separated, for messages. */
    static String supported() {
        return BY_CODE.keySet().stream().map(BuiltinOps::name).sorted().collect(Collectors.joining(", "));
    }
}
