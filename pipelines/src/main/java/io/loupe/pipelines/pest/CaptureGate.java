package io.loupe.pipelines.pest;

import io.loupe.camera.Frame;
import io.loupe.pipelines.Stage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * {@code pest/capture@v1}: the capture schedule and a sanity check of the picture. With an interval, the first frame
 * and then the first frame at least one interval after the last capture are taken; without, every frame is. A taken
 * frame that is nearly uniform or dark (lens covered, lights off, camera turned away: the standard deviation of every
 * channel below {@value #MIN_STDDEV} or every channel's mean below {@value #MIN_MEAN} grey levels) is a failed
 * capture, reported without touching the counts. The check runs in OpenCV on reused buffers.
 */
final class CaptureGate implements Stage<Frame, Capture> {
    static final double MIN_STDDEV = 6;
    static final double MIN_MEAN = 20;

    private final Duration interval;
    private final Clock clock;
    private final Mat mean = new Mat();
    private final Mat stddev = new Mat();
    private Instant last;
    private boolean closed;

    CaptureGate(Duration interval, Clock clock) {
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public String id() {
        return "pest/capture@v1";
    }

    @Override
    public Class<Frame> inputType() {
        return Frame.class;
    }

    @Override
    public Class<Capture> outputType() {
        return Capture.class;
    }

    @Override
    public Capture apply(Frame frame) {
        Instant now = clock.instant();
        if (last != null && !interval.isZero() && now.isBefore(last.plus(interval))) {
            return new Capture(frame, now, false, null);
        }
        last = now;
        return new Capture(frame, now, true, check(frame.mat()));
    }

    /** Null when the picture can be counted, else why not. */
    private String check(Mat mat) {
        if (mat.empty()) {
            return "the frame is empty";
        }
        opencv_core.meanStdDev(mat, mean, stddev);
        double maxMean = 0;
        double maxStd = 0;
        try (DoubleIndexer m = mean.createIndexer(); DoubleIndexer s = stddev.createIndexer()) {
            for (int c = 0; c < mat.channels(); c++) {
                maxMean = Math.max(maxMean, m.get(c));
                maxStd = Math.max(maxStd, s.get(c));
            }
        }
        if (maxMean < MIN_MEAN) {
            return String.format(Locale.ROOT, "the picture is dark (mean %.1f grey levels): lights off,"
                    + " lens covered or camera away; the counts are kept", maxMean);
        }
        if (maxStd < MIN_STDDEV) {
            return String.format(Locale.ROOT, "the picture is nearly uniform (standard deviation %.1f):"
                    + " lens covered, out of focus or not pointed at the trap; the counts are kept", maxStd);
        }
        return null;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            mean.close();
            stddev.close();
        }
    }
}
