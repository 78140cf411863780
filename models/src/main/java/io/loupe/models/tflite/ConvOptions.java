package io.loupe.models.tflite;

/**
 * The options of CONV_2D and DEPTHWISE_CONV_2D.
 *
 * @param depthMultiplier output channels per input channel (depthwise only; 1 for CONV_2D)
 */
record ConvOptions(Padding padding, int strideW, int strideH, FusedActivation activation, int dilationW,
        int dilationH, int depthMultiplier) {
}
