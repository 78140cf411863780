package io.loupe.camera.ffmpeg;

import io.loupe.camera.CameraException;
import io.loupe.camera.FrameSource;
import io.loupe.camera.ReadStatus;
import io.loupe.camera.SourceInfo;
import org.bytedeco.opencv.opencv_core.Mat;

import java.time.Duration;

/**
 * A {@link FfmpegLiveSource} whose {@link #open()} first runs a driver's own check (host name resolves, device node
 * exists and is readable, …), so that a failure FFmpeg would only report as "Input/output error" is explained in
 * words. Everything else is the live source's.
 */
public final class CheckedLiveSource implements FrameSource {

    /** What a driver checks before FFmpeg opens the input. */
    @FunctionalInterface
    public interface OpenCheck {
        /**
         * Checks that the input can be opened.
         *
         * @throws CameraException when it cannot; the message names the input and the likely fix
         */
        void check() throws CameraException;
    }

    private final OpenCheck check;
    private final FfmpegLiveSource stream;

    /** An unopened source for {@code input}, guarded by {@code check}. */
    public CheckedLiveSource(FfmpegInput input, OpenCheck check) {
        this.check = check;
        this.stream = new FfmpegLiveSource(input);
    }

    @Override
    public SourceInfo open() throws CameraException {
        check.check();
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
