package io.loupe.mqtt.payload;

/**
 * The model behind a payload, so that a consumer never needs to know which box sent it (same fields as a result's
 * {@code model}).
 *
 * @param id       model id in the configuration
 * @param name     model name
 * @param version  model version, or null
 * @param sha256   lower-case hex sha256 of the model file
 * @param provider execution provider it runs on ({@code CPU}, {@code CUDA}, {@code TENSORRT})
 */
public record ModelPayload(String id, String name, String version, String sha256, String provider) {
}
