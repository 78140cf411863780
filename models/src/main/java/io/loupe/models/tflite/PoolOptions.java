package io.loupe.models.tflite;

/** The options of MAX_POOL_2D and AVERAGE_POOL_2D. */
record PoolOptions(Padding padding, int strideW, int strideH, int filterW, int filterH, FusedActivation activation) {
}
