package io.loupe.appliance;

import io.loupe.camera.CameraStatus;
import io.loupe.mqtt.LinkStatus;

import java.time.Instant;
import java.util.List;

/**
 * Everything the status page and {@code /api/status} show.
 *
 * @param node      node id
 * @param site      site id
 * @param version   appliance version
 * @param startedAt when the appliance started
 * @param mqtt      the broker link
 * @param cameras   each camera's state
 * @param models    each model, loaded or failed
 * @param pipelines each pipeline, running or failed
 */
public record ApplianceStatus(String node, String site, String version, Instant startedAt, MqttView mqtt,
                              List<CameraStatus> cameras, List<ModelView> models, List<PipelineView> pipelines) {

    /**
     * @param url      broker URL (for {@code embedded}, the in-process broker's)
     * @param embedded whether the broker runs inside the appliance
     * @param link     connection state and counters
     */
    public record MqttView(String url, boolean embedded, LinkStatus link) {
    }
}
