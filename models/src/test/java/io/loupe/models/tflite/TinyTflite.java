package io.loupe.models.tflite;

import com.google.flatbuffers.FlatBufferBuilder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small TFLite models for tests with flatbuffers' {@code FlatBufferBuilder}, field slots as in
 * {@code schema.fbs}: float32, float16 and int32 constants, sparse constants, quantized tensors, any operator code
 * (builtin or custom) with its options table.
 */
final class TinyTflite {

    /** Writes an options table and returns its offset. */
    @FunctionalInterface
    interface Options {
        int write(FlatBufferBuilder b);
    }

    /** A sparse constant's metadata: dense dims give a size, CSR dims segments and indices. */
    record Sparsity(int[] traversalOrder, int[] blockMap, List<SparseLayout.Dimension> dimensions) {
    }

    private record Tensor(String name, TensorType type, int[] shape, byte[] data, boolean quantized,
            Sparsity sparsity) {
    }

    private record Op(int code, String custom, int[] inputs, int[] outputs, Options options) {
    }

    private final List<Tensor> tensors = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();
    private final List<Integer> inputs = new ArrayList<>();

    /** A float32 graph input. */
    int input(String name, int... shape) {
        inputs.add(tensors.size());
        return add(new Tensor(name, TensorType.FLOAT32, shape, null, false, null));
    }

    /** A computed float32 tensor. */
    int tensor(String name, int... shape) {
        return add(new Tensor(name, TensorType.FLOAT32, shape, null, false, null));
    }

    /** A computed tensor of another type. */
    int tensor(String name, TensorType type, int... shape) {
        return add(new Tensor(name, type, shape, null, false, null));
    }

    int floats(String name, int[] shape, float[] values) {
        ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        data.asFloatBuffer().put(values);
        return add(new Tensor(name, TensorType.FLOAT32, shape, data.array(), false, null));
    }

    /** A float16 constant (values rounded to half precision). */
    int halves(String name, int[] shape, float[] values) {
        return add(new Tensor(name, TensorType.FLOAT16, shape, halfBytes(values), false, null));
    }

    int ints(String name, int[] shape, int... values) {
        ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        data.asIntBuffer().put(values);
        return add(new Tensor(name, TensorType.INT32, shape, data.array(), false, null));
    }

    /** A sparse float16 constant: {@code stored} values in traversal order, with its dense shape. */
    int sparseHalves(String name, int[] denseShape, float[] stored, Sparsity sparsity) {
        return add(new Tensor(name, TensorType.FLOAT16, denseShape, halfBytes(stored), false, sparsity));
    }

    /** An int8 constant with quantization parameters (scale 0.1, zero point 0). */
    int quantizedInt8(String name, int[] shape, byte[] values) {
        return add(new Tensor(name, TensorType.INT8, shape, values, true, null));
    }

    void op(int code, int[] in, int[] out, Options options) {
        ops.add(new Op(code, null, in, out, options));
    }

    void op(int code, int[] in, int[] out) {
        op(code, in, out, null);
    }

    void custom(String name, int[] in, int[] out) {
        ops.add(new Op(BuiltinOps.CUSTOM, name, in, out, null));
    }

    /** The flatbuffer with {@code outputs} as the graph's outputs. */
    byte[] build(int... outputs) {
        FlatBufferBuilder b = new FlatBufferBuilder(1 << 12);
        List<Integer> buffers = new ArrayList<>();
        b.startTable(3);
        buffers.add(b.endTable());
        int[] tensorOffsets = new int[tensors.size()];
        for (int t = 0; t < tensors.size(); t++) {
            Tensor tensor = tensors.get(t);
            int bufferIndex = 0;
            if (tensor.data() != null) {
                int data = b.createByteVector(tensor.data());
                b.startTable(3);
                b.addOffset(0, data, 0);
                buffers.add(b.endTable());
                bufferIndex = buffers.size() - 1;
            }
            int name = b.createString(tensor.name());
            int shape = intVector(b, tensor.shape());
            int quantization = 0;
            if (tensor.quantized()) {
                b.startVector(4, 1, 4);
                b.addFloat(0.1f);
                int scale = b.endVector();
                b.startVector(8, 1, 8);
                b.addLong(0L);
                int zero = b.endVector();
                b.startTable(7);
                b.addOffset(2, scale, 0);
                b.addOffset(3, zero, 0);
                quantization = b.endTable();
            }
            int sparsity = tensor.sparsity() == null ? 0 : sparsity(b, tensor.sparsity());
            b.startTable(10);
            b.addOffset(0, shape, 0);
            b.addByte(1, (byte) tensor.type().ordinal(), 0);
            b.addInt(2, bufferIndex, 0);
            b.addOffset(3, name, 0);
            if (quantization != 0) {
                b.addOffset(4, quantization, 0);
            }
            if (sparsity != 0) {
                b.addOffset(6, sparsity, 0);
            }
            tensorOffsets[t] = b.endTable();
        }
        Map<String, Integer> codeIndex = new LinkedHashMap<>();
        List<Integer> codeOffsets = new ArrayList<>();
        int[] opOffsets = new int[ops.size()];
        for (int o = 0; o < ops.size(); o++) {
            Op op = ops.get(o);
            String key = op.code() + "/" + op.custom();
            Integer index = codeIndex.get(key);
            if (index == null) {
                int custom = op.custom() == null ? 0 : b.createString(op.custom());
                b.startTable(4);
                b.addByte(0, (byte) Math.min(op.code(), 127), 0);
                if (custom != 0) {
                    b.addOffset(1, custom, 0);
                }
                b.addInt(2, 1, 1);
                b.addInt(3, op.code(), 0);
                codeOffsets.add(b.endTable());
                index = codeOffsets.size() - 1;
                codeIndex.put(key, index);
            }
            int options = op.options() == null ? 0 : op.options().write(b);
            int in = intVector(b, op.inputs());
            int out = intVector(b, op.outputs());
            b.startTable(5);
            b.addInt(0, index, 0);
            b.addOffset(1, in, 0);
            b.addOffset(2, out, 0);
            if (options != 0) {
                b.addByte(3, (byte) 1, 0);
                b.addOffset(4, options, 0);
            }
            opOffsets[o] = b.endTable();
        }
        int tensorVector = offsetVector(b, tensorOffsets);
        int inputVector = intVector(b, inputs.stream().mapToInt(Integer::intValue).toArray());
        int outputVector = intVector(b, outputs);
        int opVector = offsetVector(b, opOffsets);
        int graphName = b.createString("main");
        b.startTable(5);
        b.addOffset(0, tensorVector, 0);
        b.addOffset(1, inputVector, 0);
        b.addOffset(2, outputVector, 0);
        b.addOffset(3, opVector, 0);
        b.addOffset(4, graphName, 0);
        int subgraph = b.endTable();
        int codes = offsetVector(b, codeOffsets.stream().mapToInt(Integer::intValue).toArray());
        int subgraphs = offsetVector(b, new int[] {subgraph});
        int description = b.createString("TinyTflite");
        int bufferVector = offsetVector(b, buffers.stream().mapToInt(Integer::intValue).toArray());
        b.startTable(8);
        b.addInt(0, 3, 0);
        b.addOffset(1, codes, 0);
        b.addOffset(2, subgraphs, 0);
        b.addOffset(3, description, 0);
        b.addOffset(4, bufferVector, 0);
        int model = b.endTable();
        b.finish(model, "TFL3");
        return b.sizedByteArray();
    }

    private int add(Tensor tensor) {
        tensors.add(tensor);
        return tensors.size() - 1;
    }

    private static int sparsity(FlatBufferBuilder b, Sparsity s) {
        int[] dims = new int[s.dimensions().size()];
        for (int d = 0; d < dims.length; d++) {
            SparseLayout.Dimension dim = s.dimensions().get(d);
            int segments = 0;
            int indices = 0;
            if (!dim.dense()) {
                segments = indexTable(b, dim.segments());
                indices = indexTable(b, dim.indices());
            }
            b.startTable(6);
            b.addByte(0, (byte) (dim.dense() ? 0 : 1), 0);
            b.addInt(1, dim.size(), 0);
            if (!dim.dense()) {
                b.addByte(2, (byte) 1, 0);
                b.addOffset(3, segments, 0);
                b.addByte(4, (byte) 1, 0);
                b.addOffset(5, indices, 0);
            }
            dims[d] = b.endTable();
        }
        int traversal = intVector(b, s.traversalOrder());
        int blockMap = s.blockMap().length == 0 ? 0 : intVector(b, s.blockMap());
        int dimVector = offsetVector(b, dims);
        b.startTable(3);
        b.addOffset(0, traversal, 0);
        if (blockMap != 0) {
            b.addOffset(1, blockMap, 0);
        }
        b.addOffset(2, dimVector, 0);
        return b.endTable();
    }

    /** An {@code Int32Vector} table. */
    private static int indexTable(FlatBufferBuilder b, int[] values) {
        int vector = intVector(b, values);
        b.startTable(1);
        b.addOffset(0, vector, 0);
        return b.endTable();
    }

    private static int intVector(FlatBufferBuilder b, int[] values) {
        b.startVector(4, values.length, 4);
        for (int i = values.length - 1; i >= 0; i--) {
            b.addInt(values[i]);
        }
        return b.endVector();
    }

    private static int offsetVector(FlatBufferBuilder b, int[] offsets) {
        b.startVector(4, offsets.length, 4);
        for (int i = offsets.length - 1; i >= 0; i--) {
            b.addOffset(offsets[i]);
        }
        return b.endVector();
    }

    /** Float to IEEE half (round to nearest even), for float16 constants. */
    static short toHalf(float value) {
        int bits = Float.floatToIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
        int mantissa = bits & 0x7fffff;
        if (exponent <= 0) {
            if (exponent < -10) {
                return (short) sign;
            }
            mantissa |= 0x800000;
            int shift = 14 - exponent;
            int half = mantissa >> shift;
            int rest = mantissa & ((1 << shift) - 1);
            int midpoint = 1 << (shift - 1);
            if (rest > midpoint || (rest == midpoint && (half & 1) == 1)) {
                half++;
            }
            return (short) (sign | half);
        }
        if (exponent >= 31) {
            return (short) (sign | 0x7c00);
        }
        int half = (exponent << 10) | (mantissa >> 13);
        int rest = mantissa & 0x1fff;
        if (rest > 0x1000 || (rest == 0x1000 && (half & 1) == 1)) {
            half++;
        }
        return (short) (sign | half);
    }

    /** The value a float becomes once stored as a half. */
    static float roundToHalf(float value) {
        return Half.toFloat(toHalf(value));
    }

    private static byte[] halfBytes(float[] values) {
        ByteBuffer data = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            data.putShort(toHalf(v));
        }
        return data.array();
    }
}
