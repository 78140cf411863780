package io.loupe.camera.v4l2;

import io.loupe.camera.CameraException;
import io.loupe.camera.FrameSource;
import io.loupe.camera.ffmpeg.CheckedLiveSource;
import io.loupe.camera.ffmpeg.FfmpegLiveSource;

import java.nio.file.Files;

/**
 * A USB/UVC camera through FFmpeg's {@code video4linux2} input ({@link FfmpegLiveSource}), with the device node
 * checked first ({@link CheckedLiveSource}) so that an unplugged camera or a missing permission is reported in words.
 */
final class V4l2Source {

    private V4l2Source() {
    }

    /** An unopened source for the device in {@code params}. */
    static FrameSource of(V4l2Params params) {
        return new CheckedLiveSource(params.toInput(), () -> checkDevice(params));
    }

    private static void checkDevice(V4l2Params params) throws CameraException {
        if (!Files.exists(params.device())) {
            throw new CameraException("no video device " + params.device() + " (camera " + params.url() + "): is the"
                    + " camera plugged in? 'ls /dev/video*' lists the devices (a UVC camera usually makes two; the"
                    + " first one streams)");
        }
        if (!Files.isReadable(params.device())) {
            throw new CameraException("video device " + params.device() + " is not readable by this user: add it to"
                    + " the 'video' group (usermod -aG video USER) or run the appliance as a member");
        }
    }
}
