package io.loupe.models;

import ai.onnxruntime.OrtSession;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** ONNX Runtime's graph optimisation level for a model's session. */
public enum GraphOptimization {
    /** No graph rewriting (useful to rule optimisations out when a model misbehaves). */
    DISABLE,
    /** Constant folding and redundant node elimination. */
    BASIC,
    /** Basic plus node fusions. */
    EXTENDED,
    /** Everything, layout optimisations included: the default. */
    ALL;

    /** ONNX Runtime's level for this setting. */
    public OrtSession.SessionOptions.OptLevel ortLevel() {
        return switch (this) {
            case DISABLE -> OrtSession.SessionOptions.OptLevel.NO_OPT;
            case BASIC -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
            case EXTENDED -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
            case ALL -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
        };
    }

    /** The name used in configuration files: {@code disable}, {@code basic}, {@code extended}, {@code all}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a configuration value, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException when the value is not one of the accepted names; the message lists them
     */
    public static GraphOptimization parse(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (GraphOptimization level : values()) {
            if (level.configName().equals(wanted)) {
                return level;
            }
        }
        throw new IllegalArgumentException("Unknown graph optimisation level '" + value + "'; accepted values: "
                + Arrays.stream(values()).map(GraphOptimization::configName).collect(Collectors.joining(", ")));
    }
}
