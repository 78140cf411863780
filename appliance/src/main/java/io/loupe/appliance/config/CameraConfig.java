package io.loupe.appliance.config;

/**
 * One camera.
 *
 * @param url      source URL ({@code file:…}, {@code test:pattern}, later {@code rtsp://…}); a relative {@code file:}
 *                 path resolves against the configuration file's folder
 * @param loop     for files: start again at the end
 * @param realtime for files: pace frames at the stream's frame rate
 * @param maxFps   cap on delivered frames per second; 0 for none
 * @param enabled  false keeps the camera (and its pipelines) off
 */
public record CameraConfig(@Required String url, boolean loop, boolean realtime, double maxFps, boolean enabled) {

    public static CameraConfig defaults() {
        return new CameraConfig(null, false, true, 0, true);
    }
}
