package io.loupe.pipelines.defect;

import io.loupe.pipelines.defect.ngimage.NgImageStore;
import io.loupe.pipelines.defect.ngimage.NgOverlay;
import io.loupe.pipelines.defect.ngimage.Retention;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

class NgImageStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private static void write(Path root, String relative, int bytes) throws IOException {
        Path p = root.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[bytes]);
    }

    @Test
    void retention_overCount_removesTheOldestOnly() throws IOException {
        // given a folder limited to 3 images
        Path root = Files.createTempDirectory("ng");
        Retention r = new Retention(root, 3, 1_000_000);

        // when five are written, oldest first
        for (int i = 1; i <= 5; i++) {
            String name = "20261127/06000" + i + "000-P" + i + ".jpg";
            assertThat(r.makeRoom(100)).isTrue();
            write(root, name, 100);
            r.added(name, 100);
            assertThat(files(root).size()).as("files after image %d", i).isLessThanOrEqualTo(3);
        }

        // then the three newest remain, and only two were removed
        assertThat(files(root)).containsExactly("20261127/060003000-P3.jpg", "20261127/060004000-P4.jpg",
                "20261127/060005000-P5.jpg");
        assertThat(r.removed()).isEqualTo(2);
        assertThat(r.count()).isEqualTo(3);
    }

    @Test
    void retention_overBytes_removesOldestUntilTheNewOneFits_acrossDays() throws IOException {
        // given 4 images of 300 bytes over two days, and a 1000-byte limit found at start
        Path root = Files.createTempDirectory("ng");
        write(root, "20261126/230000000-A.jpg", 300);
        write(root, "20261126/235900000-B.jpg", 300);
        write(root, "20261127/000100000-C.jpg", 300);
        write(root, "20261127/000200000-D.tmp", 50);
        Retention r = new Retention(root, 100, 1000);

        // when a 500-byte image comes
        assertThat(r.makeRoom(500)).isTrue();
        write(root, "20261127/000300000-E.jpg", 500);
        r.added("20261127/000300000-E.jpg", 500);

        // then the two oldest went (900 + 500 > 1000, 600 + 500 > 1000, 300 + 500 fits), the leftover .tmp too,
        // and the emptied day folder is gone
        assertThat(files(root)).containsExactly("20261127/000100000-C.jpg", "20261127/000300000-E.jpg");
        assertThat(Files.exists(root.resolve("20261126"))).isFalse();
        assertThat(r.bytes()).isEqualTo(800);
        assertThat(r.removed()).isEqualTo(2);
        assertThat(r.makeRoom(2000)).as("an image larger than the limit is refused").isFalse();
        assertThat(files(root)).hasSize(2);
    }

    @Test
    void store_writesJpegsWithOverlay_keepsTheNewestWithinTheLimit(@TempDir Path dir) throws Exception {
        // given a store keeping 2 images and a grey frame with a heat map over a part
        NgImageStore store = new NgImageStore("line1", new NgImageSettings(dir, 2, 10, 90, 4));
        List<String> names = new ArrayList<>();
        Box part = new Box(100, 100, 200, 150);
        NgOverlay overlay = new NgOverlay("line1  NG  part P1", Polygon.of(new Box(0, 0, 640, 480)), List.of(), part,
                List.of(new Defect(0, "scratch", 0.9f, 150, 150, 200, 170, 50, 5.0, 1000, DefectSource.DETECTOR)));
        try (Mat frame = new Mat(480, 640, CV_8UC3, new Scalar(90, 90, 90, 0));
             Mat heat = new Mat(150, 200, CV_32FC1, Scalar.all(1.0))) {

            // when three NG images are submitted a second apart
            for (int i = 0; i < 3; i++) {
                String name = store.submit("P" + i + "/x", T0.plusSeconds(i), frame, overlay, heat, part, 2.0);
                assertThat(name).isNotNull();
                names.add(name);
                assertThat(store.flush(Duration.ofSeconds(5))).isTrue();
            }
        }
        store.close();

        // then the two newest are there, named by UTC time and sanitised part id, and decode as the frame's size
        assertThat(names).containsExactly("20261127/060000000-P0_x.jpg", "20261127/060001000-P1_x.jpg",
                "20261127/060002000-P2_x.jpg");
        assertThat(store.resolve(names.get(0))).isEmpty();
        assertThat(store.resolve("../../etc/passwd")).isEmpty();
        Path newest = store.resolve(names.get(2)).orElseThrow();
        try (Mat read = imread(newest.toString())) {
            assertThat(read.cols()).isEqualTo(640);
            assertThat(read.rows()).isEqualTo(480);
        }
        NgImageStore.Stats s = store.stats();
        assertThat(s.saved()).isEqualTo(3);
        assertThat(s.count()).isEqualTo(2);
        assertThat(s.removed()).isEqualTo(1);
        assertThat(s.dropped()).isZero();
        assertThat(store.newest()).containsExactly(names.get(2), names.get(1));
    }
}
