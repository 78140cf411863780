package io.loupe.appliance.config;

/**
 * A configuration block kept unbound until its type is known (a pipeline's {@code settings}, typed by the pipeline
 * type's factory).
 *
 * @param path  where it sits in the file
 * @param value the parsed YAML (map, list, scalar) or null when absent
 */
public record RawNode(String path, Object value) {
}
