package io.loupe.models.tflite;

/** TFLite's {@code enum Padding}: SAME (output = ceil(input / stride), padded evenly, extra at the end) or VALID. */
enum Padding {
    SAME,
    VALID;

    static Padding of(int code) {
        return switch (code) {
            case 0 -> SAME;
            case 1 -> VALID;
            default -> throw new IllegalArgumentException("unknown Padding " + code);
        };
    }

    /**
     * The explicit {@code {before, after}} padding of one spatial axis, as TensorFlow computes SAME: the output is
     * {@code ceil(in / stride)} and the missing input is split with the odd pixel at the end.
     */
    int[] explicit(int in, int kernel, int stride, int dilation) {
        if (this == VALID) {
            return new int[] {0, 0};
        }
        int out = (in + stride - 1) / stride;
        int effectiveKernel = (kernel - 1) * dilation + 1;
        int total = Math.max((out - 1) * stride + effectiveKernel - in, 0);
        return new int[] {total / 2, total - total / 2};
    }
}
