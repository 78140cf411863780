package io.loupe.models.tflite;

import io.loupe.models.ModelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * DEQUANTIZE and DENSIFY, folded at import: the float16 weights of a MediaPipe model become float32 constants (exact),
 * sparse weights become dense ones, so the ONNX graph carries plain float initializers. A DEQUANTIZE of a computed
 * float16 tensor becomes a Cast; of int8/uint8 data, the error that quantized models are not supported.
 */
final class ConstantOps {

    private ConstantOps() {
    }

    static void dequantize(TfliteOp op, Conversion cx) throws ModelException {
        int x = op.inputs()[0];
        int out = op.outputs()[0];
        TfliteTensor in = cx.tensor(x);
        if (in.type().quantizable() || in.quantized()) {
            throw TfliteImporter.quantized(cx.tflite(), in);
        }
        if (cx.isConstant(x)) {
            Constant value = cx.constant(op, x);
            cx.defineConstant(out, value.as(TensorType.FLOAT32, cx.shape(out)));
            return;
        }
        Layout layout = cx.layout(x);
        cx.emit(op, "Cast", List.of(cx.value(op, x, layout)), out, layout, FusedActivation.NONE,
                OnnxAttribute.of("to", (long) OnnxGraph.FLOAT));
    }

    static void densify(TfliteOp op, Conversion cx) throws ModelException {
        TfliteTensor in = cx.tensor(op.inputs()[0]);
        TfliteTensor out = cx.tensor(op.outputs()[0]);
        if (in.type().quantizable() || in.quantized()) {
            throw TfliteImporter.quantized(cx.tflite(), in);
        }
        if (in.sparsity() == null || in.data() == null) {
            throw new ModelException("TFLite model " + cx.tflite().source() + ": operator #" + op.index()
                    + " DENSIFY reads " + in.describe() + ", which is not a sparse constant. Fix: the file is corrupt;"
                    + " convert it again");
        }
        float[] dense;
        try {
            dense = Densifier.densify(out.shape(), in.sparsity(), stored(in));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new ModelException("TFLite model " + cx.tflite().source() + ": the sparse constant "
                    + in.describe() + " is corrupt: " + e.getMessage() + ". Fix: download the file again", e);
        }
        cx.defineConstant(out.index(), new Constant(in.type(), out.shape(), dense, null));
    }

    /** All values stored in a sparse constant's buffer, as floats. */
    private static float[] stored(TfliteTensor tensor) throws ModelException {
        ByteBuffer data = tensor.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int size = tensor.type().bytes();
        if (tensor.type() != TensorType.FLOAT32 && tensor.type() != TensorType.FLOAT16) {
            throw new ModelException("Sparse constant " + tensor.describe() + " is of type " + tensor.type()
                    + "; only float32 and float16 sparse weights are supported. Fix: use the float model");
        }
        float[] values = new float[data.remaining() / size];
        for (int i = 0; i < values.length; i++) {
            values[i] = size == 4 ? data.getFloat(4 * i) : Half.toFloat(data.getShort(2 * i));
        }
        return values;
    }
}
