package io.loupe.appliance.publish;

import java.time.Instant;
import java.util.List;

/**
 * {@code loupe.status.birth/1}, retained on {@code loupe/<site>/<node>/status/birth} at every connect: what this box
 * runs, so a dashboard knows it without asking.
 *
 * @param schema    payload schema and version
 * @param ts        when it was made
 * @param site      site id
 * @param node      node id
 * @param version   appliance version
 * @param cameras   cameras with their (credential-free) URLs
 * @param models    models with provenance and the provider each runs on
 * @param pipelines pipelines with their camera and model
 */
public record BirthPayload(String schema, Instant ts, String site, String node, String version, List<Camera> cameras,
                           List<Model> models, List<Pipeline> pipelines) {
    public static final String SCHEMA = "loupe.status.birth/1";

    /** @param id camera id  @param url source URL with any user:password removed */
    public record Camera(String id, String url) {
    }

    /**
     * @param id model id  @param name model name  @param version model version  @param sha256 file hash
     * @param provider execution provider in use, or null when it failed to load  @param providerNotes why faster
     *                 providers were not used  @param error load error, or null
     */
    public record Model(String id, String name, String version, String sha256, String provider,
                        List<String> providerNotes, String error) {
    }

    /** @param id pipeline id  @param type pipeline type  @param camera camera id  @param model model id  @param state state */
    public record Pipeline(String id, String type, String camera, String model, String state) {
    }
}
