package io.loupe.pipelines.pest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import io.loupe.camera.Frame;
import io.loupe.camera.FramePool;
import io.loupe.pipelines.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/** The capture schedule and the picture check, on real pooled frames. */
class CaptureGateTest {
    private final TrapSeries series = TrapSeries.demo();

    private static Capture through(CaptureGate gate, FramePool pool, Mat image) throws Exception {
        Frame f = pool.acquire(Duration.ofSeconds(1));
        try {
            image.copyTo(f.mat());
            return gate.apply(f);
        } finally {
            f.release();
        }
    }

    @Test
    void interval_fifteenMinutes_takesTheFirstFrameThenOnePerInterval() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T07:00:00Z"), ZoneOffset.UTC);
        try (FramePool pool = new FramePool("cam", 1); CaptureGate gate = new CaptureGate(Duration.ofMinutes(15),
                clock); Mat trap = imread(series.image(0).toString())) {
            assertThat(through(gate, pool, trap).take()).isTrue();
            clock.advance(Duration.ofMinutes(14));
            assertThat(through(gate, pool, trap).take()).isFalse();
            clock.advance(Duration.ofMinutes(1));
            Capture c = through(gate, pool, trap);
            assertThat(c.take()).isTrue();
            assertThat(c.failed()).isNull();
            assertThat(c.at()).isEqualTo(Instant.parse("2026-06-01T07:15:00Z"));
        }
    }

    @Test
    void picture_darkOrUniform_isAFailedCaptureWithTheReason() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-01T07:00:00Z"), ZoneOffset.UTC);
        try (FramePool pool = new FramePool("cam", 1); CaptureGate gate = new CaptureGate(Duration.ZERO, clock);
             Mat black = new Mat(400, 600, CV_8UC3, new Scalar(3, 3, 3, 0));
             Mat grey = new Mat(400, 600, CV_8UC3, new Scalar(128, 128, 128, 0))) {
            assertThat(through(gate, pool, black).failed()).contains("the picture is dark (mean 3.0");
            assertThat(through(gate, pool, grey).failed()).contains("nearly uniform (standard deviation 0.0)");
        }
    }
}
