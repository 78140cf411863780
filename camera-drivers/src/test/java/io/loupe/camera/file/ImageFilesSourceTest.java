package io.loupe.camera.file;

import io.loupe.camera.CameraException;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.ReadStatus;
import io.loupe.camera.SourceInfo;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFilesSourceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final FrameSourceRegistry registry = FrameSourceRegistry.withDefaults();

    /** Writes a solid image whose blue channel is {@code blue}. */
    private static Path image(Path file, int blue) {
        try (Mat mat = new Mat(48, 64, CV_8UC3, new Scalar(blue, 100, 50, 0))) {
            assertTrue(imwrite(file.toString(), mat), "could not write " + file);
        }
        return file;
    }

    private static List<Integer> readBlues(FrameSource source, int max) throws CameraException {
        List<Integer> blues = new ArrayList<>();
        try (Mat dst = new Mat()) {
            for (int i = 0; i < max; i++) {
                ReadStatus status = source.read(dst, TIMEOUT);
                if (status == ReadStatus.END) {
                    break;
                }
                assertEquals(ReadStatus.FRAME, status);
                try (Scalar m = mean(dst)) {
                    blues.add((int) Math.round(m.get(0)));
                }
            }
        }
        return blues;
    }

    private FrameSource source(URI url, boolean loop, boolean realtime, double maxFps) {
        return registry.create(new CameraSpec("trap", url, loop, realtime, maxFps));
    }

    @Test
    void folder_readsImagesSortedByName_andSkipsFilesThatAreNotImages(@TempDir Path dir) throws Exception {
        // given three images written out of order, a .jpg that is not an image, and a text file
        image(dir.resolve("03_c.png"), 30);
        image(dir.resolve("01_a.png"), 10);
        image(dir.resolve("02_b.bmp"), 20);
        Files.writeString(dir.resolve("02_x_broken.jpg"), "not a jpeg");
        Files.writeString(dir.resolve("notes.txt"), "ignored");

        // when the folder is read
        try (FrameSource source = source(dir.toUri(), false, false, 0)) {
            SourceInfo info = source.open();

            // then the images come by name, the broken one skipped, and the folder ends
            assertEquals(List.of(10, 20, 30), readBlues(source, 10));
            assertEquals(64, info.width());
            assertEquals(-1, source.lastPtsMicros());
        }
    }

    @Test
    void glob_readsOnlyMatchingFiles(@TempDir Path dir) throws Exception {
        image(dir.resolve("b.png"), 20);
        image(dir.resolve("a.png"), 10);
        image(dir.resolve("c.bmp"), 30);

        try (FrameSource source = source(URI.create(dir.toUri() + "*.png"), false, false, 0)) {
            source.open();

            assertEquals(List.of(10, 20), readBlues(source, 10));
        }
    }

    @Test
    void singleImage_looping_repeatsAsAStillCameraAtMaxFps(@TempDir Path dir) throws Exception {
        Path still = image(dir.resolve("still.jpg"), 40);
        try (FrameSource source = source(still.toUri(), true, false, 50)) {
            SourceInfo info = source.open();

            long start = System.nanoTime();
            List<Integer> blues = readBlues(source, 3);
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertEquals(3, blues.size());
            assertTrue(blues.stream().allMatch(b -> Math.abs(b - 40) <= 2), blues.toString());
            assertEquals(40_000, source.lastPtsMicros());
            assertEquals(50.0, info.fps(), 1e-9);
            assertTrue(elapsedMillis >= 30, "3 frames at 50 fps came in " + elapsedMillis + " ms");
        }
    }

    @Test
    void singleImage_notLooping_givesOneFrameThenEnds(@TempDir Path dir) throws Exception {
        Path still = image(dir.resolve("once.png"), 40);
        try (FrameSource source = source(still.toUri(), false, false, 0)) {
            source.open();

            assertEquals(1, readBlues(source, 5).size());
        }
    }

    @Test
    void emptyFolder_failsToOpenNamingTheFolder(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-trap"));
        try (FrameSource source = source(empty.toUri(), false, false, 0)) {
            CameraException e = assertThrows(CameraException.class, source::open);

            assertTrue(e.getMessage().contains("empty-trap") && e.getMessage().contains("holds no image"),
                    e.getMessage());
        }
    }

    /** Writes an image as a trap camera would: under a temporary name, then renamed, settled in the past. */
    private static void drop(Path dir, String name, int blue) throws Exception {
        Path tmp = image(dir.resolve(name + ".part.bmp"), blue);
        Files.setLastModifiedTime(tmp, FileTime.fromMillis(System.currentTimeMillis() - 5_000));
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads until {@code count} frames came (TIMEOUTs in between are fine) or 10 s passed. */
    private static List<Integer> readFrames(FrameSource source, int count) throws Exception {
        List<Integer> blues = new ArrayList<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        try (Mat dst = new Mat()) {
            while (blues.size() < count && System.nanoTime() < deadline) {
                ReadStatus status = source.read(dst, Duration.ofMillis(300));
                assertTrue(status != ReadStatus.END, "a watched folder never ends");
                if (status == ReadStatus.FRAME) {
                    try (Scalar m = mean(dst)) {
                        blues.add((int) Math.round(m.get(0)));
                    }
                }
            }
        }
        return blues;
    }

    @Test
    void watchedFolder_deliversWhatIsThere_thenEachNewImageOnce_inNameOrder(@TempDir Path dir) throws Exception {
        // given a trap folder with two images, watched
        drop(dir, "trap-001.bmp", 10);
        drop(dir, "trap-002.bmp", 20);
        try (FrameSource source = source(URI.create(dir.toUri() + "?watch=true"), false, false, 0)) {
            SourceInfo info = source.open();
            assertTrue(info.sporadic(), "a watched folder is exempt from the stall watchdog");
            assertTrue(info.description().contains("watching for new files"), info.description());
            assertEquals(List.of(10, 20), readFrames(source, 2));

            // when two more arrive, the later name first
            drop(dir, "trap-004.bmp", 40);
            drop(dir, "trap-003.bmp", 30);

            // then each comes once, by name, and nothing more comes while the folder is quiet
            assertEquals(List.of(30, 40), readFrames(source, 2));
            try (Mat dst = new Mat()) {
                assertEquals(ReadStatus.TIMEOUT, source.read(dst, Duration.ofMillis(700)));
            }
            drop(dir, "trap-005.bmp", 50);
            assertEquals(List.of(50), readFrames(source, 1));
        }
    }

    @Test
    void watchedFolder_waitsForAFileStillBeingWritten(@TempDir Path dir) throws Exception {
        try (FrameSource source = source(URI.create(dir.toUri() + "*.png?watch=true"), false, false, 0)) {
            // given an empty watched glob (fine: a trap folder starts empty)
            SourceInfo info = source.open();
            assertEquals(0, info.width());

            // when an image appears that was written just now
            image(dir.resolve("fresh.png"), 60);
            long appeared = System.nanoTime();

            // then it is read once it has been left alone for a moment, not at once
            assertEquals(List.of(60), readFrames(source, 1));
            long waitedMillis = (System.nanoTime() - appeared) / 1_000_000;
            assertTrue(waitedMillis >= 300, "read " + waitedMillis + " ms after it appeared");
        }
    }

    @Test
    void watch_onOneFile_orWithLoop_isRejectedByTheCheck(@TempDir Path dir) throws Exception {
        Path one = image(dir.resolve("one.png"), 10);
        FrameSourceRegistry registry = FrameSourceRegistry.withDefaults();

        String single = registry.check(new CameraSpec("trap", URI.create(one.toUri() + "?watch=true"), false, false,
                0));
        String looping = registry.check(new CameraSpec("trap", URI.create(dir.toUri() + "?watch=true"), true, false,
                0));

        assertTrue(single.contains("watch=true applies to a folder or a glob"), single);
        assertTrue(looping.contains("watch=true needs loop: false"), looping);
        assertThrows(IllegalArgumentException.class, () -> registry.create(new CameraSpec("trap",
                URI.create(dir.toUri() + "?watch=maybe"), false, false, 0)));
    }
}
