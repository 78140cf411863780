package io.loupe.camera;

import org.bytedeco.opencv.opencv_core.Mat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * {@code error:oom} — a source whose first session gives 3 frames and then throws the {@link OutOfMemoryError} JavaCPP
 * throws when its physical-memory guard refuses a native allocation; later sessions run clean, as when the memory came
 * back. {@code error:link} — a source whose open throws {@link UnsatisfiedLinkError}, as when a platform's natives are
 * missing. What those failures do to the capture loop, without exhausting this machine's memory or breaking its
 * install.
 */
final class ErrorThrowingSourceFactory implements FrameSourceFactory {

    /** Sessions opened so far, all URLs together. */
    final AtomicInteger sessions = new AtomicInteger();

    @Override
    public Set<String> schemes() {
        return Set.of("error");
    }

    @Override
    public String check(CameraSpec spec) {
        return null;
    }

    @Override
    public FrameSource create(CameraSpec spec) {
        boolean link = spec.url().getSchemeSpecificPart().equals("link");
        return new FrameSource() {
            private int session;
            private int given;

            @Override
            public SourceInfo open() {
                if (link) {
                    throw new UnsatisfiedLinkError("no jniavformat in java.library.path");
                }
                session = sessions.incrementAndGet();
                given = 0;
                return new SourceInfo(64, 48, 0, "throws OutOfMemoryError in its first session");
            }

            @Override
            public ReadStatus read(Mat dst, Duration timeout) {
                if (session == 1 && given == 3) {
                    throw new OutOfMemoryError("Physical memory usage is too high: physicalBytes (800M) > "
                            + "maxPhysicalBytes (384M)");
                }
                given++;
                dst.create(48, 64, CV_8UC3);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ReadStatus.FRAME;
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
