package io.loupe.models.preprocess;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How an image tensor lays out its dimensions: {@link #NCHW} ({@code [batch, 3, height, width]}, PyTorch and most ONNX
 * exports) or {@link #NHWC} ({@code [batch, height, width, 3]}, TensorFlow and TFLite conversions).
 */
public enum TensorLayout {
    NCHW,
    NHWC;

    /** The name used in manifests: {@code nchw}, {@code nhwc}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The tensor shape of {@code batch} images of {@code width} x {@code height}. */
    public long[] shape(int batch, int width, int height) {
        return this == NCHW ? new long[] {batch, 3, height, width} : new long[] {batch, height, width, 3};
    }

    /**
     * Parses a manifest value, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException when the value is not one of the accepted names; the message lists them
     */
    public static TensorLayout parse(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (TensorLayout layout : values()) {
            if (layout.configName().equals(wanted)) {
                return layout;
            }
        }
        throw new IllegalArgumentException("Unknown tensor layout '" + value + "'; accepted values: "
                + Arrays.stream(values()).map(TensorLayout::configName).collect(Collectors.joining(", ")));
    }
}
