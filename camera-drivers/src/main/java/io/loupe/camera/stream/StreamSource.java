package io.loupe.camera.stream;

import io.loupe.camera.CameraException;
import io.loupe.camera.FrameSource;
import io.loupe.camera.ffmpeg.CheckedLiveSource;
import io.loupe.camera.ffmpeg.FfmpegLiveSource;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A network camera: {@link FfmpegLiveSource} behind a host-name check ({@link CheckedLiveSource}), so that a name that
 * does not resolve is reported as such (FFmpeg only says "Input/output error").
 */
final class StreamSource {

    private StreamSource() {
    }

    /** An unopened source for {@code url}. */
    static FrameSource of(StreamUrl url) {
        return new CheckedLiveSource(url.toInput(), () -> checkHostResolves(url));
    }

    private static void checkHostResolves(StreamUrl url) throws CameraException {
        try {
            InetAddress.getByName(url.host());
        } catch (UnknownHostException e) {
            throw new CameraException("cannot open " + url.label() + ": host name '" + url.host() + "' does not"
                    + " resolve (DNS); check the spelling, the box's DNS settings, or use the camera's IP address");
        } catch (SecurityException e) {
            // resolution not allowed here: let FFmpeg try
        }
    }
}
