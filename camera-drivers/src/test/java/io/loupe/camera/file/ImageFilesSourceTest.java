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
}
