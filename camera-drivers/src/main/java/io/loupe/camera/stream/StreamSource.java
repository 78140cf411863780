package io.loupe.camera.stream;

import io.loupe.camera.CameraException;
import io.loupe.camera.FrameSource;
import io.loupe.camera.ReadStatus;
import io.loupe.camera.SourceInfo;
import io.loupe.camera.ffmpeg.FfmpegLiveSource;
import org.bytedeco.opencv.opencv_core.Mat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * A network camera: {@link FfmpegLiveSource} behind a host-name check, so that a name that does not resolve is
 * reported as such (FFmpeg only says "Input/output error").
 */
final class StreamSource implements FrameSource {

    private final StreamUrl url;
    private final FfmpegLiveSource stream;

    StreamSource(StreamUrl url) {
        this.url = url;
        this.stream = new FfmpegLiveSource(url.toInput());
    }

    @Override
    public SourceInfo open() throws CameraException {
        try {
            InetAddress.getByName(url.host());
        } catch (UnknownHostException e) {
            throw new CameraException("cannot open " + url.label() + ": host name '" + url.host() + "' does not"
                    + " resolve (DNS); check the spelling, the box's DNS settings, or use the camera's IP address");
        } catch (SecurityException e) {
            // resolution not allowed here: let FFmpeg try
        }
        return stream.open();
    }

    @Override
    public ReadStatus read(Mat dst, Duration timeout) throws CameraException {
        return stream.read(dst, timeout);
    }

    @Override
    public long lastPtsMicros() {
        return stream.lastPtsMicros();
    }

    @Override
    public long lastDecodeNanos() {
        return stream.lastDecodeNanos();
    }

    @Override
    public void close() {
        stream.close();
    }
}
