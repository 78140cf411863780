package io.loupe.camera.v4l2;

import io.loupe.camera.CameraException;
import io.loupe.camera.FrameSource;
import io.loupe.camera.ReadStatus;
import io.loupe.camera.SourceInfo;
import io.loupe.camera.ffmpeg.FfmpegLiveSource;
import org.bytedeco.opencv.opencv_core.Mat;

import java.nio.file.Files;
import java.time.Duration;

/**
 * A USB/UVC camera through FFmpeg's {@code video4linux2} input ({@link FfmpegLiveSource}), with the device node
 * checked first so that an unplugged camera or a missing permission is reported in words.
 */
final class V4l2Source implements FrameSource {

    private final V4l2Params params;
    private final FfmpegLiveSource stream;

    V4l2Source(V4l2Params params) {
        this.params = params;
        this.stream = new FfmpegLiveSource(params.toInput());
    }

    @Override
    public SourceInfo open() throws CameraException {
        if (!Files.exists(params.device())) {
            throw new CameraException("no video device " + params.device() + " (camera " + params.url() + "): is the"
                    + " camera plugged in? 'ls /dev/video*' lists the devices (a UVC camera usually makes two; the"
                    + " first one streams)");
        }
        if (!Files.isReadable(params.device())) {
            throw new CameraException("video device " + params.device() + " is not readable by this user: add it to"
                    + " the 'video' group (usermod -aG video USER) or run the appliance as a member");
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
