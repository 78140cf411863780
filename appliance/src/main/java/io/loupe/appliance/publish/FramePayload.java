package io.loupe.appliance.publish;

import io.loupe.pipelines.FrameRef;

import java.time.Instant;

/**
 * The frame a result came from.
 *
 * @param seq        the camera's frame number
 * @param ptsUs      stream presentation time in microseconds, -1 when none
 * @param capturedAt when it was read
 * @param width      pixels
 * @param height     pixels
 */
public record FramePayload(long seq, long ptsUs, Instant capturedAt, int width, int height) {

    static FramePayload of(FrameRef f) {
        return new FramePayload(f.seq(), f.ptsMicros(), f.capturedAt(), f.width(), f.height());
    }
}
