package io.loupe.camera;

import org.bytedeco.opencv.opencv_core.Mat;

import java.time.Duration;
import java.util.Set;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * {@code stall:N} — a source that gives N frames and then no more without ending, like a network camera whose stream
 * froze. What a real frozen RTSP camera does to the capture loop, without needing one.
 */
final class StallingSourceFactory implements FrameSourceFactory {

    @Override
    public Set<String> schemes() {
        return Set.of("stall");
    }

    @Override
    public String check(CameraSpec spec) {
        return null;
    }

    @Override
    public FrameSource create(CameraSpec spec) {
        int frames = Integer.parseInt(spec.url().getSchemeSpecificPart());
        return new FrameSource() {
            private int given;

            @Override
            public SourceInfo open() {
                given = 0;
                return new SourceInfo(64, 48, 0, "stalls after " + frames + " frames");
            }

            @Override
            public ReadStatus read(Mat dst, Duration timeout) {
                if (given < frames) {
                    given++;
                    dst.create(48, 64, CV_8UC3);
                    return ReadStatus.FRAME;
                }
                try {
                    Thread.sleep(timeout.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ReadStatus.TIMEOUT;
            }

            @Override
            public long lastPtsMicros() {
                return -1;
            }

            @Override
            public void close() {
            }
        };
    }
}
