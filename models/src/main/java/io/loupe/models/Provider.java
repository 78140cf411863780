package io.loupe.models;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The ONNX Runtime execution provider a model asks for; {@link #AUTO} takes the fastest one that works. */
public enum Provider {
    /** TensorRT, else CUDA, else CPU; every step down is recorded with its reason. */
    AUTO,
    TENSORRT,
    CUDA,
    CPU;

    /** The name used in configuration files: {@code auto}, {@code tensorrt}, {@code cuda}, {@code cpu}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a configuration value, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException when the value is null or not one of the accepted names; the message lists them
     */
    public static Provider parse(String value) {
        if (value != null) {
            String wanted = value.trim().toLowerCase(Locale.ROOT);
            for (Provider provider : values()) {
                if (provider.configName().equals(wanted)) {
                    return provider;
                }
            }
        }
        throw new IllegalArgumentException("Unknown execution provider '" + value + "'; accepted values: "
                + Arrays.stream(values()).map(Provider::configName).collect(Collectors.joining(", ")));
    }
}
