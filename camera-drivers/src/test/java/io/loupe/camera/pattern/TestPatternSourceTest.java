package io.loupe.camera.pattern;

import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.ReadStatus;
import io.loupe.camera.SourceInfo;
import io.loupe.camera.TestVideos;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.bytedeco.opencv.global.opencv_core.NORM_INF;
import static org.bytedeco.opencv.global.opencv_core.norm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestPatternSourceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private final FrameSourceRegistry registry = FrameSourceRegistry.withDefaults();

    private FrameSource source(String url, boolean loop) {
        return registry.create(new CameraSpec("pattern", URI.create(url), loop, false, 0));
    }

    @Test
    void read_sameFrameNumber_drawsTheSamePixels_andFramesMove() throws Exception {
        String url = "test:pattern?width=320&height=240&fps=30";
        try (FrameSource a = source(url, false); FrameSource b = source(url, false);
             Mat frameA = new Mat(); Mat frameB = new Mat(); Mat previous = new Mat()) {
            SourceInfo info = a.open();
            b.open();

            for (int n = 0; n < 20; n++) {
                assertEquals(ReadStatus.FRAME, a.read(frameA, TIMEOUT));
                assertEquals(ReadStatus.FRAME, b.read(frameB, TIMEOUT));

                assertEquals(0.0, norm(frameA, frameB, NORM_INF, new Mat()), "frame " + n + " differs between runs");
                assertEquals(n, TestVideos.frameNumber(frameA));
                assertEquals(Math.round(n * 1_000_000 / 30.0), a.lastPtsMicros());
                if (n > 0) {
                    assertTrue(norm(frameA, previous, NORM_INF, new Mat()) > 0, "frame " + n + " did not change");
                }
                frameA.copyTo(previous);
            }
            assertEquals(320, info.width());
            assertEquals(240, frameA.rows());
            assertEquals(30.0, info.fps(), 1e-9);
        }
    }

    @Test
    void frames_endsAfterThem_orStartsAgainWhenLooping() throws Exception {
        try (FrameSource once = source("test:pattern?width=64&height=48&frames=2", false);
             FrameSource looping = source("test:pattern?width=64&height=48&frames=2", true); Mat dst = new Mat()) {
            once.open();
            looping.open();

            assertEquals(ReadStatus.FRAME, once.read(dst, TIMEOUT));
            assertEquals(ReadStatus.FRAME, once.read(dst, TIMEOUT));
            assertEquals(ReadStatus.END, once.read(dst, TIMEOUT));

            for (int i = 0; i < 5; i++) {
                assertEquals(ReadStatus.FRAME, looping.read(dst, TIMEOUT));
                assertEquals(i % 2, TestVideos.frameNumber(dst));
            }
        }
    }

    @Test
    void parse_badValues_nameTheParameterAndTheForm() {
        IllegalArgumentException width = assertThrows(IllegalArgumentException.class,
                () -> PatternParams.parse(URI.create("test:pattern?width=10")));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> PatternParams.parse(URI.create("test:pattern?colour=red")));
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> PatternParams.parse(URI.create("test:bars")));

        assertTrue(width.getMessage().contains("width='10'") && width.getMessage().contains("64 to 7680"),
                width.getMessage());
        assertTrue(unknown.getMessage().contains("unknown parameter 'colour'"), unknown.getMessage());
        assertTrue(name.getMessage().contains("'bars'") && name.getMessage().contains("test:pattern?"),
                name.getMessage());
        assertEquals(new PatternParams(640, 480, 25, 0), PatternParams.parse(URI.create("test:pattern")));
    }
}
