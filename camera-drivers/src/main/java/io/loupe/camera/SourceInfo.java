package io.loupe.camera;

/**
 * What {@link FrameSource#open()} negotiated.
 *
 * @param width       frame width in pixels
 * @param height      frame height in pixels
 * @param fps         nominal frame rate, or 0 when unknown (still images)
 * @param description human-readable summary for the start-up log, e.g. {@code "h264 1280x720 25fps (file, loop)"}
 */
public record SourceInfo(int width, int height, double fps, String description) {
}
