package io.loupe.camera.file;

import io.loupe.camera.CameraException;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.ReadStatus;
import io.loupe.camera.SourceInfo;
import io.loupe.camera.TestData;
import io.loupe.camera.TestVideos;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class VideoFileSourceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final FrameSourceRegistry registry = FrameSourceRegistry.withDefaults();

    private FrameSource source(URI url, boolean loop, boolean realtime) {
        return registry.create(new CameraSpec("cam", url, loop, realtime, 0));
    }

    @Test
    void read_wholeVideo_givesEveryFrameInOrder_withIncreasingPts_intoTheSameBuffer(@TempDir Path dir)
            throws Exception {
        // given a 30-frame MPEG-4 video written by FFmpeg
        Path clip = TestVideos.write(dir.resolve("line.mp4"), 30, 160, 120, 25);
        try (FrameSource source = source(clip.toUri(), false, false); Mat dst = new Mat()) {
            // when opened and read to the end
            SourceInfo info = source.open();
            long address = 0;
            long lastPts = -1;
            int n = 0;
            ReadStatus status;
            while ((status = source.read(dst, TIMEOUT)) == ReadStatus.FRAME) {
                // then each frame is the next one, BGR, at an increasing pts, in the same native buffer
                assertEquals(n, TestVideos.frameNumber(dst), "frame number drawn in the pixels");
                assertEquals(n * 40_000L, source.lastPtsMicros());
                assertTrue(source.lastPtsMicros() > lastPts);
                lastPts = source.lastPtsMicros();
                if (n == 0) {
                    address = dst.data().address();
                } else {
                    assertEquals(address, dst.data().address(), "output buffer reallocated at frame " + n);
                }
                n++;
            }
            assertEquals(ReadStatus.END, status);
            assertEquals(30, n);
            assertEquals(160, info.width());
            assertEquals(120, info.height());
            assertEquals(25.0, info.fps(), 0.01);
            assertTrue(info.description().startsWith("mpeg4 160x120"), info.description());
            assertEquals(120, dst.rows());
            assertEquals(3, dst.channels());
        }
    }

    @Test
    void read_loopingVideo_restartsAtTheStart_withPtsStillIncreasing(@TempDir Path dir) throws Exception {
        Path clip = TestVideos.write(dir.resolve("short.mp4"), 10, 96, 64, 25);
        try (FrameSource source = source(clip.toUri(), true, false); Mat dst = new Mat()) {
            source.open();
            long lastPts = -1;

            for (int i = 0; i < 25; i++) {
                assertEquals(ReadStatus.FRAME, source.read(dst, TIMEOUT), "read " + i);

                assertEquals(i % 10, TestVideos.frameNumber(dst), "read " + i);
                assertEquals(i * 40_000L, source.lastPtsMicros(), "read " + i);
                assertTrue(source.lastPtsMicros() > lastPts);
                lastPts = source.lastPtsMicros();
            }
        }
    }

    @Test
    void read_realtime_pacesFramesAtTheStreamFps(@TempDir Path dir) throws Exception {
        // given 15 frames at 25 fps: 14 intervals of 40 ms = 560 ms of stream time
        Path clip = TestVideos.write(dir.resolve("paced.mp4"), 15, 96, 64, 25);
        try (FrameSource source = source(clip.toUri(), false, true); Mat dst = new Mat()) {
            source.open();

            // when read as fast as possible
            long start = System.nanoTime();
            int frames = 0;
            ReadStatus status;
            while ((status = source.read(dst, TIMEOUT)) != ReadStatus.END) {
                if (status == ReadStatus.FRAME) {
                    frames++;
                }
            }
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            // then it took roughly the stream's duration (loose lower bound only)
            assertEquals(15, frames);
            assertTrue(elapsedMillis >= 450, "15 frames at 25 fps came in " + elapsedMillis + " ms");
        }
    }

    @Test
    void open_pathWithSpaces_decodes(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("my clips"));
        Path clip = TestVideos.write(folder.resolve("line 1.mp4"), 3, 96, 64, 25);
        URI url = clip.toUri();
        assertTrue(url.toString().contains("%20"), url.toString());

        try (FrameSource source = source(url, false, false); Mat dst = new Mat()) {
            assertEquals(96, source.open().width());
            assertEquals(ReadStatus.FRAME, source.read(dst, TIMEOUT));
        }
    }

    @Test
    void truncatedVideo_givesACameraExceptionNamingTheFile(@TempDir Path dir) throws Exception {
        // given a video cut in half
        Path clip = TestVideos.write(dir.resolve("cut.mp4"), 30, 160, 120, 25);
        byte[] bytes = Files.readAllBytes(clip);
        Files.write(clip, Arrays.copyOf(bytes, bytes.length / 2));

        // when opened and read, then it fails naming the file and the reason
        CameraException e = openAndReadAll(source(clip.toUri(), false, false));
        assertTrue(e.getMessage().contains("cut.mp4"), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt, truncated or not a video"), e.getMessage());
    }

    @Test
    void corruptFile_givesACameraExceptionNamingTheFile(@TempDir Path dir) throws Exception {
        byte[] noise = new byte[50_000];
        new Random(7).nextBytes(noise);
        Path clip = Files.write(dir.resolve("noise.mp4"), noise);

        CameraException e = openAndReadAll(source(clip.toUri(), false, false));

        assertTrue(e.getMessage().contains("noise.mp4"), e.getMessage());
    }

    @Test
    void sharedGaitVideo_decodesEveryFrame() throws Exception {
        Path clip = TestData.require("video-gait/walk_sagittal_640x352.mp4");
        try (FrameSource source = source(clip.toUri(), false, false); Mat dst = new Mat()) {
            SourceInfo info = source.open();
            int frames = 0;
            long lastPts = -1;
            while (source.read(dst, TIMEOUT) == ReadStatus.FRAME) {
                assertTrue(source.lastPtsMicros() > lastPts);
                lastPts = source.lastPtsMicros();
                frames++;
            }
            assertEquals(640, info.width());
            assertEquals(352, info.height());
            assertEquals(352, dst.rows());
            assertTrue(frames > 10, "frames " + frames);
        }
    }

    private static CameraException openAndReadAll(FrameSource source) {
        try (source; Mat dst = new Mat()) {
            source.open();
            for (int i = 0; i < 10_000; i++) {
                if (source.read(dst, TIMEOUT) == ReadStatus.END) {
                    break;
                }
            }
        } catch (CameraException e) {
            assertNotNull(e.getMessage());
            return e;
        }
        return fail("a damaged video was read without a CameraException");
    }
}
