package io.loupe.appliance;

import java.util.List;

/**
 * One pipeline for its own page: its state, how it is set up (no secrets: camera credentials are removed) and its
 * recent results.
 *
 * @param pipeline the same view as in {@code /api/status}
 * @param setup    its configuration as resolved
 * @param recent   the last results as published, newest first
 */
public record PipelineDetail(PipelineView pipeline, Setup setup, List<Object> recent) {

    /**
     * @param type      pipeline type
     * @param camera    camera id
     * @param cameraUrl camera URL without credentials
     * @param model     model id
     * @param modelPath model file
     * @param provider  requested execution provider
     * @param mailbox   frame hand-over policy
     * @param settings  the type's typed settings
     */
    public record Setup(String type, String camera, String cameraUrl, String model, String modelPath, String provider,
                        String mailbox, Object settings) {
    }
}
