package io.loupe.models.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A constant tensor's values: floats for FLOAT32 and FLOAT16 (widened exactly), longs for INT32 and INT64.
 *
 * @param type the TFLite type it had (FLOAT16 stays FLOAT16 until DEQUANTIZE makes it FLOAT32)
 * @param shape TFLite dimensions
 * @param floats values of a float constant, else null
 * @param ints values of an integer constant, else null
 */
record Constant(TensorType type, int[] shape, float[] floats, long[] ints) {

    boolean isFloat() {
        return floats != null;
    }

    int rank() {
        return shape.length;
    }

    /** The same values under another type and shape (same element count). */
    Constant as(TensorType newType, int[] newShape) {
        return new Constant(newType, newShape, floats, ints);
    }

    /**
     * Reads a dense constant from the file's little-endian bytes.
     *
     * @throws IllegalArgumentException when the byte count does not match the shape or the type is not a number
     */
    static Constant of(TfliteTensor tensor) {
        ByteBuffer data = tensor.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        long elements = tensor.elements();
        TensorType type = tensor.type();
        if (type.bytes() == 0 || (long) data.remaining() != elements * type.bytes()) {
            throw new IllegalArgumentException("constant " + tensor.describe() + " has " + data.remaining()
                    + " bytes of data, not the " + elements * type.bytes() + " its shape needs");
        }
        int n = (int) elements;
        return switch (type) {
            case FLOAT32 -> {
                float[] values = new float[n];
                data.asFloatBuffer().get(values);
                yield new Constant(type, tensor.shape(), values, null);
            }
            case FLOAT16 -> {
                short[] halves = new short[n];
                data.asShortBuffer().get(halves);
                float[] values = new float[n];
                for (int i = 0; i < n; i++) {
                    values[i] = Half.toFloat(halves[i]);
                }
                yield new Constant(type, tensor.shape(), values, null);
            }
            case INT32 -> {
                long[] values = new long[n];
                for (int i = 0; i < n; i++) {
                    values[i] = data.getInt(4 * i);
                }
                yield new Constant(type, tensor.shape(), null, values);
            }
            case INT64 -> {
                long[] values = new long[n];
                data.asLongBuffer().get(values);
                yield new Constant(type, tensor.shape(), null, values);
            }
            default -> throw new IllegalArgumentException("constant " + tensor.describe() + " is of type " + type
                    + ", which the importer does not read");
        };
    }

    /** The values permuted to the axis order {@code perm} (output axis i is input axis perm[i]); rank 4 at most. */
    Constant permuted(int[] perm) {
        int rank = shape.length;
        if (rank > 4) {
            throw new IllegalArgumentException("cannot permute a constant of rank " + rank);
        }
        int[] newShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            newShape[i] = shape[perm[i]];
        }
        // Pad to rank 4 with leading axes of size 1, then walk the output in order with the input's strides.
        int[] inStrides = strides(shape);
        int[] size = new int[4];
        int[] stride = new int[4];
        for (int i = 0; i < 4; i++) {
            int axis = i - (4 - rank);
            size[i] = axis < 0 ? 1 : newShape[axis];
            stride[i] = axis < 0 ? 0 : inStrides[perm[axis]];
        }
        int n = floats != null ? floats.length : ints.length;
        float[] f = floats != null ? new float[n] : null;
        long[] l = ints != null ? new long[n] : null;
        int out = 0;
        for (int a = 0; a < size[0]; a++) {
            for (int b = 0; b < size[1]; b++) {
                for (int c = 0; c < size[2]; c++) {
                    int in = a * stride[0] + b * stride[1] + c * stride[2];
                    int step = stride[3];
                    if (f != null) {
                        for (int d = 0; d < size[3]; d++) {
                            f[out++] = floats[in + d * step];
                        }
                    } else {
                        for (int d = 0; d < size[3]; d++) {
                            l[out++] = ints[in + d * step];
                        }
                    }
                }
            }
        }
        return new Constant(type, newShape, f, l);
    }

    static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }
}
