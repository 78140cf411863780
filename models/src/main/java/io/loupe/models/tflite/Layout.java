package io.loupe.models.tflite;

/**
 * How an ONNX value holds a TFLite tensor: {@link #NATURAL}, with TFLite's own dimensions (NHWC for images), or, for
 * rank-4 tensors only, {@link #NCHW}, the dimensions permuted {@code [0, 3, 1, 2]} as ONNX convolutions want them.
 */
enum Layout {
    NATURAL,
    NCHW;

    /** Permutation from NHWC to NCHW (ONNX Transpose {@code perm}: output axis i is input axis perm[i]). */
    static final int[] TO_NCHW = {0, 3, 1, 2};
    /** Permutation from NCHW back to NHWC. */
    static final int[] TO_NHWC = {0, 2, 3, 1};

    /** The ONNX dimensions of a TFLite shape held in this layout. */
    long[] dims(int[] shape) {
        long[] dims = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = this == NCHW ? shape[TO_NCHW[i]] : shape[i];
        }
        return dims;
    }

    /** The NCHW axis of NHWC axis {@code axis} (N→0, H→2, W→3, C→1); the axis itself in NATURAL. */
    int axis(int axis) {
        return this == NCHW ? new int[] {0, 2, 3, 1}[axis] : axis;
    }

    /**
     * True when going between NHWC and NCHW moves only axes of size 1, so the elements keep their order and a Reshape
     * does what a Transpose would.
     */
    static boolean permutationIsReshape(int[] nhwc) {
        return nhwc.length == 4 && (nhwc[3] == 1 || (nhwc[1] == 1 && nhwc[2] == 1));
    }
}
