package io.loupe.camera.v4l2;

import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.FrameSourceFactory;

import java.util.Set;

/**
 * The {@code v4l2:} scheme: {@code v4l2:/dev/video0?width=1280&height=720&fps=30&format=mjpeg} (see
 * {@link V4l2Params}). {@link #check} reads the URL only: a camera that is unplugged now may be plugged in later, and
 * {@link FrameSource#open()} reports it (the camera retries).
 */
public final class V4l2SourceFactory implements FrameSourceFactory {

    @Override
    public Set<String> schemes() {
        return Set.of("v4l2");
    }

    @Override
    public String check(CameraSpec spec) {
        try {
            V4l2Params.parse(spec.url());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public FrameSource create(CameraSpec spec) {
        return V4l2Source.of(V4l2Params.parse(spec.url()));
    }
}
