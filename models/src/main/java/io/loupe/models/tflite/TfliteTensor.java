package io.loupe.models.tflite;

import java.nio.ByteBuffer;

/**
 * One tensor of the main subgraph.
 *
 * @param index position in the subgraph's tensor list (what operators refer to)
 * @param name the converter's name, e.g. {@code conv2d_3/Relu6}
 * @param type element type
 * @param shape dimensions, NHWC for images
 * @param data constant bytes (little-endian), or null for a computed tensor
 * @param quantized true when the tensor has quantization parameters (scale or zero point)
 * @param sparsity how the constant is stored when sparse (DENSIFY's input), else null
 */
record TfliteTensor(int index, String name, TensorType type, int[] shape, ByteBuffer data, boolean quantized,
        SparseLayout sparsity) {

    boolean isConstant() {
        return data != null;
    }

    int rank() {
        return shape.length;
    }

    long elements() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** "'name' (#index, TYPE [d0, d1, ...])", for messages. */
    String describe() {
        return "'" + name + "' (#" + index + ", " + type + " " + java.util.Arrays.toString(shape) + ")";
    }
}
