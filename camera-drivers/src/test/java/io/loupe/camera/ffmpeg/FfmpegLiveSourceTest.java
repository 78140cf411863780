package io.loupe.camera.ffmpeg;

import io.loupe.camera.CameraException;
import io.loupe.camera.ReadStatus;
import io.loupe.camera.SourceInfo;
import io.loupe.camera.TestVideos;
import io.loupe.camera.bench.BenchClip;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live reader on a local H.264 file: decoding, timestamps, buffers, decoder choice. */
class FfmpegLiveSourceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    static Path dir;
    private static Path clip;

    @BeforeAll
    static void clip() throws Exception {
        clip = BenchClip.writeH264(dir.resolve("clip.mp4"), 30, 320, 240, 25);
    }

    private static FfmpegLiveSource source(HwAccel hwaccel) {
        return new FfmpegLiveSource(new FfmpegInput(clip.toString(), "clip.mp4", null, List.of(), hwaccel,
                Duration.ofSeconds(5), 1, "file"));
    }

    /** No GPU an FFmpeg decoder could use: no NVIDIA device, no DRM render node. */
    private static boolean noGpu() {
        return !Files.exists(Path.of("/dev/nvidia0")) && !Files.exists(Path.of("/dev/dri/renderD128"));
    }

    @Test
    void read_h264_givesEveryFrameAsBgr_withPts_andDecodeTimes_intoTheCallersBuffer() throws Exception {
        try (FfmpegLiveSource source = source(HwAccel.NONE); Mat dst = new Mat()) {
            SourceInfo info = source.open();
            long address = 0;
            for (int i = 0; i < 30; i++) {
                assertEquals(ReadStatus.FRAME, source.read(dst, TIMEOUT), "frame " + i);

                assertEquals(i, TestVideos.frameNumber(dst), "frame number drawn in the pixels");
                assertEquals(i * 40_000L, source.lastPtsMicros(), "pts of frame " + i);
                assertTrue(source.lastDecodeNanos() > 0);
                if (i == 0) {
                    address = dst.data().address();
                } else {
                    assertEquals(address, dst.data().address(), "converted straight into the same buffer");
                }
            }
            assertEquals(320, info.width());
            assertEquals(25.0, info.fps(), 0.01);
            assertTrue(info.description().startsWith("h264 320x240 25.0fps file"), info.description());
            assertTrue(info.description().contains("decoder h264 (software)"), info.description());

            // and the end of the input is reported as a failure (a live stream does not end)
            CameraException end = assertThrows(CameraException.class, () -> source.read(dst, TIMEOUT));
            assertTrue(end.getMessage().contains("ended the stream"), end.getMessage());
        }
    }

    @Test
    void hwaccelAuto_onABoxWithoutGpu_fallsBackToSoftware_andSaysWhy() throws Exception {
        Assumptions.assumeTrue(noGpu(), "this box has a GPU device; the fallback is for boxes without");
        try (FfmpegLiveSource source = source(HwAccel.AUTO); Mat dst = new Mat()) {
            String description = source.open().description();

            assertTrue(description.contains("decoder h264 (software; hwaccel auto: cuda: "), description);
            assertTrue(description.contains("vaapi: "), description);
            assertEquals(ReadStatus.FRAME, source.read(dst, TIMEOUT), "and it decodes");
        }
    }

    @Test
    void hwaccelAsked_butUnavailable_fallsBackToSoftware_namingTheDecoderTried() throws Exception {
        Assumptions.assumeTrue(noGpu(), "this box has a GPU device; the fallback is for boxes without");
        try (FfmpegLiveSource source = source(HwAccel.CUVID); Mat dst = new Mat()) {
            String description = source.open().description();

            assertTrue(description.contains("software; hwaccel cuvid: h264_cuvid did not open"), description);
            assertEquals(ReadStatus.FRAME, source.read(dst, TIMEOUT));
        }
    }

    @Test
    void close_isIdempotent_andTheSourceCanBeOpenedAgain() throws Exception {
        FfmpegLiveSource source = source(HwAccel.NONE);
        try (Mat dst = new Mat()) {
            source.open();
            source.read(dst, TIMEOUT);
            source.close();
            source.close();

            source.open();
            assertEquals(ReadStatus.FRAME, source.read(dst, TIMEOUT));
            assertEquals(0, source.lastPtsMicros(), "timestamps start again at 0");
        } finally {
            source.close();
        }
    }

    @Test
    void missingFile_isReportedWithFfmpegsWords() {
        FfmpegLiveSource source = new FfmpegLiveSource(new FfmpegInput(dir.resolve("none.mp4").toString(),
                "none.mp4", null, List.of(), HwAccel.NONE, Duration.ofSeconds(1), 1, "file"));

        CameraException e = assertThrows(CameraException.class, source::open);

        assertTrue(e.getMessage().contains("cannot open none.mp4: No such file or directory"), e.getMessage());
    }
}
