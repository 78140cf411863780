package io.loupe.appliance.events;

import io.loupe.camera.CameraState;
import io.loupe.camera.CameraStatus;
import io.loupe.mqtt.LinkStatus;
import io.loupe.pipelines.PipelineStats;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares the appliance's state with the last look (once a second, on the status thread) and records what changed:
 * a camera's state, the MQTT link's connection, a pipeline's error text. Not thread-safe: one caller.
 */
public final class StatusEvents {
    private final EventLog log;
    private final Map<String, CameraState> cameras = new HashMap<>();
    private final Map<String, String> pipelineErrors = new HashMap<>();
    private Boolean linkConnected;

    public StatusEvents(EventLog log) {
        this.log = log;
    }

    /** Records the changes since the last call; the first call records only what is already wrong. */
    public void observe(List<CameraStatus> cameraStates, LinkStatus link, List<PipelineStats> pipelines) {
        for (CameraStatus c : cameraStates) {
            CameraState before = cameras.put(c.id(), c.state());
            if (c.state() != before && !(before == null && c.state() == CameraState.ONLINE)
                    && c.state() != CameraState.STARTING) {
                boolean bad = c.state() != CameraState.ONLINE;
                log.add(EventKind.CAMERA, c.id(), "camera " + c.state().name().toLowerCase(java.util.Locale.ROOT)
                        + (c.reason() == null || !bad ? "" : ": " + c.reason()), bad, null);
            }
        }
        if (link != null && !Objects.equals(linkConnected, link.connected())) {
            if (linkConnected != null || !link.connected()) {
                log.add(EventKind.MQTT, "mqtt", link.connected() ? "connected to " + link.url()
                        : "broker " + link.url() + " unreachable" + (link.lastError() == null ? ""
                        : ": " + link.lastError()) + "; results wait in the outbox", !link.connected(), null);
            }
            linkConnected = link.connected();
        }
        for (PipelineStats p : pipelines) {
            String before = pipelineErrors.put(p.id(), p.lastError());
            if (p.lastError() != null && !p.lastError().equals(before)) {
                log.add(EventKind.PIPELINE, p.id(), p.errors() + " frame(s) failed: " + p.lastError(), true, null);
            }
        }
    }
}
