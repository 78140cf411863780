package io.loupe.camera;

import java.time.Instant;

/**
 * A snapshot of one camera for the web page, MQTT birth and stats.
 *
 * @param id           camera id
 * @param state        where the capture loop is
 * @param reason       why it is not {@link CameraState#ONLINE} (the last error, a stall, "closed"), {@code null} when
 *                     fine; camera credentials in it are masked ({@link Redact})
 * @param info         what the source negotiated at its last open, {@code null} before the first open
 * @param fps          frames delivered per second, measured over the last second or so; 0 when none flow. Same as
 *                     {@code fpsOut}
 * @param frames       frames delivered since start (frames skipped by {@code maxFps} not counted)
 * @param reconnects   times the source was opened again after a failure or stall
 * @param lastFrameAt  when the last frame was delivered, {@code null} before the first
 * @param fpsIn        frames read from the source per second (before the {@code maxFps} cap); 0 when none come
 * @param fpsOut       frames delivered to the mailboxes per second (after the cap)
 * @param decodeMillis mean time to read one frame over the last 32 frames: demux, decode and conversion to BGR as
 *                     measured by the source (network waits excluded), or the whole read where the source cannot
 *                     tell; 0 before the first frame
 * @param drops        frames read but not delivered: skipped by the {@code maxFps} cap, or because every pooled frame
 *                     was still held by consumers (live sources keep reading rather than wait). Per-consumer mailbox
 *                     drops are in {@link Mailbox#dropped()}
 */
public record CameraStatus(String id, CameraState state, String reason, SourceInfo info, double fps, long frames,
                           long reconnects, Instant lastFrameAt, double fpsIn, double fpsOut, double decodeMillis,
                           long drops) {

    /** A status without the ingest statistics (all 0), as before they existed. */
    public CameraStatus(String id, CameraState state, String reason, SourceInfo info, double fps, long frames,
                        long reconnects, Instant lastFrameAt) {
        this(id, state, reason, info, fps, frames, reconnects, lastFrameAt, 0, fps, 0, 0);
    }
}
