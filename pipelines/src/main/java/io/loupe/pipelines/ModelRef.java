package io.loupe.pipelines;

import io.loupe.models.ModelInfo;

/**
 * Provenance of the model behind a result, carried in every payload so a consumer never has to know which box sent it.
 *
 * @param id       model id in the configuration
 * @param name     model name (metadata or manifest)
 * @param version  model version, or null
 * @param sha256   sha256 of the model file
 * @param provider execution provider it ran on
 */
public record ModelRef(String id, String name, String version, String sha256, String provider) {

    public static ModelRef of(ModelInfo info) {
        return new ModelRef(info.id(), info.name(), info.version(), info.sha256(), info.provider().name());
    }
}
