package io.loupe.appliance.publish;

import io.loupe.camera.CameraStatus;

import java.time.Instant;

/**
 * {@code loupe.camera.status/1}, retained on {@code loupe/<site>/<node>/status/camera/<id>} whenever a camera's state or
 * reason changes: a dashboard sees a camera go {@code RECONNECTING} with the reason, and come back.
 *
 * @param schema     payload schema and version
 * @param ts         when the change was seen
 * @param site       site id
 * @param node       node id
 * @param camera     camera id
 * @param state      STARTING, ONLINE, RECONNECTING, OFFLINE or ENDED
 * @param reason     why it is not online (credentials removed), or null
 * @param frames     frames read so far
 * @param reconnects reconnections so far
 */
public record CameraStatusPayload(String schema, Instant ts, String site, String node, String camera, String state,
                                  String reason, long frames, long reconnects) {
    public static final String SCHEMA = "loupe.camera.status/1";

    static CameraStatusPayload of(String site, String node, CameraStatus s, Instant ts) {
        return new CameraStatusPayload(SCHEMA, ts, site, node, s.id(), s.state().name(), s.reason(), s.frames(),
                s.reconnects());
    }
}
