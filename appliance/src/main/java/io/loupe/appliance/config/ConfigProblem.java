package io.loupe.appliance.config;

/**
 * One thing wrong with the configuration.
 *
 * @param path   where, e.g. {@code pipelines.line1.camera}
 * @param value  the offending value as written, or null when the key is missing
 * @param reason what is wrong and how to fix it
 */
public record ConfigProblem(String path, String value, String reason) {

    @Override
    public String toString() {
        return path + ": " + reason + (value == null ? "" : " (value: '" + value + "')");
    }
}
