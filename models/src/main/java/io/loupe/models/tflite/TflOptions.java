package io.loupe.models.tflite;

/**
 * The {@code builtin_options} table of an operator. Which table it is follows from the operator, so each reader below
 * names the {@code schema.fbs} table it reads, with that table's field slots; an absent table reads as all defaults
 * (see {@link #orDefaults}).
 */
final class TflOptions extends FlatTable {

    private static final TflOptions EMPTY = new TflOptions(true);

    private final boolean empty;

    TflOptions() {
        this(false);
    }

    private TflOptions(boolean empty) {
        this.empty = empty;
    }

    /** {@code options}, or a table reading as all defaults when the operator has none. */
    static TflOptions orDefaults(TflOptions options) {
        return options == null ? EMPTY : options;
    }

    private int i(int slot, int absent) {
        return empty ? absent : intField(slot, absent);
    }

    private int b(int slot, int absent) {
        return empty ? absent : byteField(slot, absent);
    }

    private boolean bool(int slot, boolean absent) {
        return empty ? absent : boolField(slot, absent);
    }

    private float f(int slot, float absent) {
        return empty ? absent : floatField(slot, absent);
    }

    /** {@code Conv2DOptions}: padding, stride_w, stride_h, fused_activation_function, dilation_w, dilation_h. */
    ConvOptions conv2d() {
        return new ConvOptions(Padding.of(b(0, 0)), i(1, 1), i(2, 1), FusedActivation.of(b(3, 0)), i(4, 1), i(5, 1),
                1);
    }

    /**
     * {@code DepthwiseConv2DOptions}: padding, stride_w, stride_h, depth_multiplier, fused_activation_function,
     * dilation_w, dilation_h.
     */
    ConvOptions depthwiseConv2d() {
        return new ConvOptions(Padding.of(b(0, 0)), i(1, 1), i(2, 1), FusedActivation.of(b(4, 0)), i(5, 1), i(6, 1),
                i(3, 1));
    }

    /** {@code Pool2DOptions}: padding, stride_w, stride_h, filter_width, filter_height, fused_activation_function. */
    PoolOptions pool2d() {
        return new PoolOptions(Padding.of(b(0, 0)), i(1, 1), i(2, 1), i(3, 1), i(4, 1), FusedActivation.of(b(5, 0)));
    }

    /**
     * The {@code fused_activation_function} of the one-field-first tables: {@code AddOptions}, {@code SubOptions},
     * {@code MulOptions}, {@code DivOptions}, {@code FullyConnectedOptions}.
     */
    FusedActivation firstActivation() {
        return FusedActivation.of(b(0, 0));
    }

    /** {@code FullyConnectedOptions.weights_format} (0 = DEFAULT). */
    int fullyConnectedWeightsFormat() {
        return b(1, 0);
    }

    /** {@code FullyConnectedOptions.keep_num_dims}. */
    boolean fullyConnectedKeepNumDims() {
        return bool(2, false);
    }

    /** {@code ConcatenationOptions.axis}. */
    int concatenationAxis() {
        return i(0, 0);
    }

    /** {@code ConcatenationOptions.fused_activation_function}. */
    FusedActivation concatenationActivation() {
        return FusedActivation.of(b(1, 0));
    }

    /** {@code ResizeBilinearOptions.align_corners} (slots 0 and 1 are the deprecated new_height, new_width). */
    boolean resizeBilinearAlignCorners() {
        return bool(2, false);
    }

    /** {@code ResizeBilinearOptions.half_pixel_centers}. */
    boolean resizeBilinearHalfPixelCenters() {
        return bool(3, false);
    }

    /** {@code ResizeNearestNeighborOptions.align_corners}. */
    boolean resizeNearestAlignCorners() {
        return bool(0, false);
    }

    /** {@code ResizeNearestNeighborOptions.half_pixel_centers}. */
    boolean resizeNearestHalfPixelCenters() {
        return bool(1, false);
    }

    /** {@code ReshapeOptions.new_shape}, or null when absent. */
    int[] reshapeNewShape() {
        return empty || !has(0) ? null : intVector(0);
    }

    /** {@code DepthToSpaceOptions.block_size} and {@code SpaceToDepthOptions.block_size}. */
    int blockSize() {
        return i(0, 0);
    }

    /** {@code ReducerOptions.keep_dims}. */
    boolean reducerKeepDims() {
        return bool(0, false);
    }

    /** {@code SoftmaxOptions.beta}. */
    float softmaxBeta() {
        return f(0, 1f);
    }

    /** {@code LeakyReluOptions.alpha}. */
    float leakyReluAlpha() {
        return f(0, 0f);
    }
}
