package io.loupe.models.preprocess;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The channel order a model expects in its input tensor. Camera frames are BGR; most exports want RGB. */
public enum ColorOrder {
    RGB,
    BGR;

    /** The name used in manifests: {@code rgb}, {@code bgr}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a manifest value, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException when the value is not one of the accepted names; the message lists them
     */
    public static ColorOrder parse(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (ColorOrder order : values()) {
            if (order.configName().equals(wanted)) {
                return order;
            }
        }
        throw new IllegalArgumentException("Unknown colour order '" + value + "'; accepted values: "
                + Arrays.stream(values()).map(ColorOrder::configName).collect(Collectors.joining(", ")));
    }
}
