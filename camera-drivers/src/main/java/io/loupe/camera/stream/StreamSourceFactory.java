package io.loupe.camera.stream;

import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.FrameSourceFactory;

import java.util.Set;

/**
 * Network cameras: {@code rtsp://}, {@code rtsps://}, {@code rtmp://}, {@code rtmps://}, {@code http://},
 * {@code https://} (MJPEG as {@code multipart/x-mixed-replace}, HLS playlists, or anything else FFmpeg reads). See
 * {@link StreamUrl} for the options. {@code loop} and {@code realtime} do not apply: a live stream comes at its own
 * pace, and a stream that ends is reconnected.
 */
public final class StreamSourceFactory implements FrameSourceFactory {

    @Override
    public Set<String> schemes() {
        return StreamUrl.SCHEMES;
    }

    @Override
    public String check(CameraSpec spec) {
        try {
            StreamUrl.parse(spec.url());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public FrameSource create(CameraSpec spec) {
        return StreamSource.of(StreamUrl.parse(spec.url()));
    }
}
