package io.loupe.models.preprocess;

import java.util.Objects;

/**
 * How a camera image becomes a model input, apart from the size and layout (which come from the graph): resize mode,
 * channel order and the per-channel value mapping {@code tensor = (pixel * scale - mean) / std}, pixels being 0..255.
 *
 * @param resize how the image is fitted into the input
 * @param color channel order of the tensor
 * @param scale factor applied to 0..255 pixel values first (1/255 for 0..1 inputs, 1 for 0..255 inputs)
 * @param mean subtracted after scaling, in tensor channel order
 * @param std divided by last, in tensor channel order; no value may be 0
 * @param padValue the gray (0..255) of the padding in letterbox modes
 */
public record Preprocessing(ResizeMode resize, ColorOrder color, float scale, ChannelValues mean, ChannelValues std,
        int padValue) {

    /** Ultralytics YOLO (detect, pose, segment): centred letterbox, gray 114, RGB, 0..1. */
    public static final Preprocessing ULTRALYTICS =
            new Preprocessing(ResizeMode.LETTERBOX, ColorOrder.RGB, 1f / 255f, ChannelValues.ZERO, ChannelValues.ONE, 114);
    /** Megvii YOLOX: top-left letterbox, gray 114, BGR, 0..255, no mean or std. */
    public static final Preprocessing YOLOX =
            new Preprocessing(ResizeMode.LETTERBOX_TOP_LEFT, ColorOrder.BGR, 1f, ChannelValues.ZERO, ChannelValues.ONE,
                    114);
    /** Ultralytics classification: resize the short side and cut the centre, RGB, 0..1. */
    public static final Preprocessing CLASSIFY =
            new Preprocessing(ResizeMode.CENTER_CROP, ColorOrder.RGB, 1f / 255f, ChannelValues.ZERO, ChannelValues.ONE,
                    114);
    /**
     * anomalib 1.x and 2.x ONNX exports: stretched to the input, RGB, 0..1 (the exported graph normalises with the
     * ImageNet statistics itself).
     */
    public static final Preprocessing ANOMALIB =
            new Preprocessing(ResizeMode.STRETCH, ColorOrder.RGB, 1f / 255f, ChannelValues.ZERO, ChannelValues.ONE, 0);

    /** @throws IllegalArgumentException for a null part, a non-finite or zero scale, a zero std or a pad outside 0..255 */
    public Preprocessing {
        Objects.requireNonNull(resize, "resize");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (!Float.isFinite(scale) || scale == 0f) {
            throw new IllegalArgumentException("Pre-processing scale is " + scale
                    + "; use a finite non-zero factor, e.g. 0.00392156862745098 (1/255) or 1");
        }
        for (int c = 0; c < 3; c++) {
            if (std.get(c) == 0f) {
                throw new IllegalArgumentException("Pre-processing std has a 0 for channel " + c + " (" + std
                        + "); every std must be non-zero, e.g. [0.229, 0.224, 0.225]");
            }
        }
        if (padValue < 0 || padValue > 255) {
            throw new IllegalArgumentException("Pre-processing pad is " + padValue + "; use a gray level 0..255, e.g. 114");
        }
    }

    /** The multiplier applied to 0..255 pixels of tensor channel {@code c}: {@code scale / std[c]}. */
    public double alpha(int c) {
        return (double) scale / std.get(c);
    }

    /** The offset added after {@link #alpha(int)}: {@code -mean[c] / std[c]}. */
    public double beta(int c) {
        return -(double) mean.get(c) / std.get(c);
    }
}
