package io.loupe.camera;

import java.time.Instant;

/**
 * A snapshot of one camera for the web page, MQTT birth and stats.
 *
 * @param id          camera id
 * @param state       where the capture loop is
 * @param reason      why it is not {@link CameraState#ONLINE} (the last error, a stall, "closed"), {@code null} when fine
 * @param info        what the source negotiated at its last open, {@code null} before the first open
 * @param fps         frames delivered per second, measured over the last second or so; 0 when none flow
 * @param frames      frames delivered since start (frames skipped by {@code maxFps} not counted)
 * @param reconnects  times the source was opened again after a failure or stall
 * @param lastFrameAt when the last frame was delivered, {@code null} before the first
 */
public record CameraStatus(String id, CameraState state, String reason, SourceInfo info, double fps, long frames,
                           long reconnects, Instant lastFrameAt) {
}
