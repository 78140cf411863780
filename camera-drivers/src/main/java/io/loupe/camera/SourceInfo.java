package io.loupe.camera;

/**
 * What {@link FrameSource#open()} negotiated.
 *
 * @param width       frame width in pixels
 * @param height      frame height in pixels
 * @param fps         nominal frame rate, or 0 when unknown (still images)
 * @param description human-readable summary for the start-up log and the web page, e.g.
 *                    {@code "h264 1280x720 25fps rtsp/tcp, decoder h264 (software)"}; names the decoder and, where a
 *                    hardware decoder was asked for but not used, why
 * @param sporadic    frames come at irregular, possibly long intervals (a watched folder): the camera's stall
 *                    watchdog does not apply, a long pause is not a failure
 */
public record SourceInfo(int width, int height, double fps, String description, boolean sporadic) {

    /** A source whose frames come regularly (the stall watchdog applies). */
    public SourceInfo(int width, int height, double fps, String description) {
        this(width, height, fps, description, false);
    }
}
