package io.loupe.models.tflite;

import io.loupe.models.ModelException;
import java.util.ArrayList;
import java.util.List;

/**
 * Element-wise operators. Binary ones (ADD, SUB, MUL, DIV, MAXIMUM, MINIMUM, PRELU) run in NCHW when an image operand
 * is held so (lower-rank constants are broadcast the NHWC way, then permuted), else in TFLite's own layout; unary ones
 * keep their input's layout.
 */
final class ElementwiseOps {

    private ElementwiseOps() {
    }

    static void add(TfliteOp op, Conversion cx) throws ModelException {
        binary(op, cx, "Add", op.options().firstActivation());
    }

    static void sub(TfliteOp op, Conversion cx) throws ModelException {
        binary(op, cx, "Sub", op.options().firstActivation());
    }

    static void mul(TfliteOp op, Conversion cx) throws ModelException {
        binary(op, cx, "Mul", op.options().firstActivation());
    }

    static void div(TfliteOp op, Conversion cx) throws ModelException {
        binary(op, cx, "Div", op.options().firstActivation());
    }

    static void maximum(TfliteOp op, Conversion cx) throws ModelException {
        binary(op, cx, "Max", FusedActivation.NONE);
    }

    static void minimum(TfliteOp op, Conversion cx) throws ModelException {
        binary(op, cx, "Min", FusedActivation.NONE);
    }

    /** {@code y = x >= 0 ? x : alpha * x}, alpha broadcast like the second operand of a binary operator. */
    static void prelu(TfliteOp op, Conversion cx) throws ModelException {
        binary(op, cx, "PRelu", FusedActivation.NONE);
    }

    private static void binary(TfliteOp op, Conversion cx, String opType, FusedActivation activation)
            throws ModelException {
        int out = op.outputs()[0];
        int[] operands = {op.inputs()[0], op.inputs()[1]};
        Layout layout = Layout.NATURAL;
        if (cx.rank(out) == 4) {
            for (int t : operands) {
                if (!cx.isConstant(t) && cx.rank(t) == 4 && cx.layout(t) == Layout.NCHW) {
                    layout = Layout.NCHW;
                }
            }
        }
        for (int t : operands) {
            if (layout == Layout.NCHW && cx.rank(t) != 4 && (!cx.isConstant(t) || cx.rank(t) > 4)) {
                layout = Layout.NATURAL;
            }
        }
        List<String> inputs = new ArrayList<>();
        for (int t : operands) {
            inputs.add(cx.broadcastValue(op, t, layout));
        }
        cx.emit(op, opType, inputs, out, layout, activation);
    }

    static void logistic(TfliteOp op, Conversion cx) throws ModelException {
        unary(op, cx, "Sigmoid");
    }

    static void relu(TfliteOp op, Conversion cx) throws ModelException {
        unaryActivation(op, cx, FusedActivation.RELU);
    }

    static void relu6(TfliteOp op, Conversion cx) throws ModelException {
        unaryActivation(op, cx, FusedActivation.RELU6);
    }

    static void reluN1To1(TfliteOp op, Conversion cx) throws ModelException {
        unaryActivation(op, cx, FusedActivation.RELU_N1_TO_1);
    }

    static void tanh(TfliteOp op, Conversion cx) throws ModelException {
        unary(op, cx, "Tanh");
    }

    /** {@code x * relu6(x + 3) / 6}, ONNX's HardSwish (opset 14). */
    static void hardSwish(TfliteOp op, Conversion cx) throws ModelException {
        unary(op, cx, "HardSwish");
    }

    static void leakyRelu(TfliteOp op, Conversion cx) throws ModelException {
        unary(op, cx, "LeakyRelu", OnnxAttribute.of("alpha", op.options().leakyReluAlpha()));
    }

    /** Softmax over the last (channel) axis, {@code exp(beta x)} normalised. */
    static void softmax(TfliteOp op, Conversion cx) throws ModelException {
        int x = op.inputs()[0];
        Layout layout = cx.layout(x);
        String input = cx.value(op, x, layout);
        float beta = op.options().softmaxBeta();
        if (beta != 1f) {
            String scaled = cx.temp("t" + x + "_beta");
            cx.onnx().node("Mul", List.of(input, cx.scalar(beta)), List.of(scaled));
            input = scaled;
        }
        int axis = layout == Layout.NCHW ? 1 : cx.rank(x) - 1;
        cx.emit(op, "Softmax", List.of(input), op.outputs()[0], layout, FusedActivation.NONE,
                OnnxAttribute.of("axis", (long) axis));
    }

    private static void unary(TfliteOp op, Conversion cx, String opType, OnnxAttribute... attributes)
            throws ModelException {
        int x = op.inputs()[0];
        Layout layout = cx.layout(x);
        cx.emit(op, opType, List.of(cx.value(op, x, layout)), op.outputs()[0], layout, FusedActivation.NONE,
                attributes);
    }

    private static void unaryActivation(TfliteOp op, Conversion cx, FusedActivation activation)
            throws ModelException {
        int x = op.inputs()[0];
        Layout layout = cx.layout(x);
        cx.activation(op, cx.value(op, x, layout), cx.define(op.outputs()[0], layout), activation);
    }
}
