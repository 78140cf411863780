package io.loupe.camera;

import java.net.URI;

/**
 * What the configuration says about one camera.
 *
 * @param id       unique camera id (used in topics, the web page and logs)
 * @param url      source URL: {@code file:sample-data/defect/conveyor.mp4}, {@code file:/traps/*.jpg}, {@code rtsp://…}
 * @param loop     for files: start again at the end instead of ending
 * @param realtime for files: pace frames at the stream's fps instead of as fast as consumers take them
 * @param maxFps   cap on frames delivered per second, 0 for no cap
 */
public record CameraSpec(String id, URI url, boolean loop, boolean realtime, double maxFps) {
}
