package io.loupe.pipelines;

import io.loupe.camera.Frame;

import java.time.Instant;

/**
 * The identity of a frame without its pixels.
 *
 * @param camera     camera id
 * @param seq        the camera's frame sequence number
 * @param ptsMicros  stream presentation time, -1 when the stream has none
 * @param capturedAt when the frame was read
 * @param width      frame width in pixels
 * @param height     frame height in pixels
 */
public record FrameRef(String camera, long seq, long ptsMicros, Instant capturedAt, int width, int height) {

    public static FrameRef of(Frame frame) {
        return new FrameRef(frame.cameraId(), frame.seq(), frame.ptsMicros(), frame.capturedAt(),
                frame.mat().cols(), frame.mat().rows());
    }
}
