package io.loupe.appliance.publish;

import io.loupe.camera.Camera;
import io.loupe.camera.CameraStatus;
import io.loupe.mqtt.MqttLink;
import io.loupe.mqtt.Topics;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Publishes each camera's state, retained, when it changes (checked by the appliance's status thread once a second).
 */
public final class StatusPublisher {
    private final MqttLink link;
    private final Topics topics;
    private final Clock clock;
    private final Map<String, String> lastSent = new HashMap<>();

    public StatusPublisher(MqttLink link, Topics topics, Clock clock) {
        this.link = link;
        this.topics = topics;
        this.clock = clock;
    }

    /** The retained topic of one camera's state. */
    public String cameraTopic(String camera) {
        return topics.status() + "/camera/" + camera;
    }

    /** Publishes the cameras whose state or reason changed since the last call. Called from one thread only. */
    public void publishChanges(Collection<Camera> cameras) {
        for (Camera camera : cameras) {
            CameraStatus s = camera.status();
            String key = s.state() + "|" + s.reason();
            if (!Objects.equals(lastSent.put(s.id(), key), key)) {
                link.publish(cameraTopic(s.id()), Json.bytes(CameraStatusPayload.of(topics.site(), topics.node(), s,
                        clock.instant())), true);
            }
        }
    }
}
