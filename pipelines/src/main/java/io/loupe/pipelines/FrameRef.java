package io.loupe.pipelines;

import io.loupe.camera.Frame;

import java.time.Instant;

/**
 * The identity of a frame without its pixels.
 *
 * @param camera     camera id
 * @param seq        the camera's frame sequence number; -1 for {@link #none} (no frame)
 * @param ptsMicros  stream presentation time, -1 when the stream has none
 * @param capturedAt when the frame was read (for {@link #none}: when the result was owed)
 * @param width      frame width in pixels (0 for no frame)
 * @param height     frame height in pixels (0 for no frame)
 */
public record FrameRef(String camera, long seq, long ptsMicros, Instant capturedAt, int width, int height) {

    public static FrameRef of(Frame frame) {
        return new FrameRef(frame.cameraId(), frame.seq(), frame.ptsMicros(), frame.capturedAt(),
                frame.mat().cols(), frame.mat().rows());
    }

    /** No frame: a result owed without one (a triggered part that no frame reached before its deadline). */
    public static FrameRef none(String camera, Instant at) {
        return new FrameRef(camera, -1, -1, at, 0, 0);
    }

    /** False for {@link #none}. */
    public boolean present() {
        return seq >= 0;
    }
}
