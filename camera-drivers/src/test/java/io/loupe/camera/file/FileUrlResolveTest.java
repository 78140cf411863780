package io.loupe.camera.file;

import io.loupe.camera.CameraException;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.ReadStatus;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FileSourceFactory#resolve}: a {@code file:} URL as configured, to the URL a camera spec carries. */
class FileUrlResolveTest {

    private final FrameSourceRegistry registry = FrameSourceRegistry.withDefaults();

    private static Path image(Path file) {
        try (Mat mat = new Mat(48, 64, CV_8UC3, new Scalar(10, 100, 50, 0))) {
            assertTrue(imwrite(file.toString(), mat), "could not write " + file);
        }
        return file;
    }

    /** A folder named with a space and a non-ASCII letter, holding {@code names} as real images. */
    private static Path oddFolder(Path dir, String... names) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("sp ace ü"));
        for (String name : names) {
            image(folder.resolve(name));
        }
        return folder;
    }

    /** Checks the spec as {@code validate} does, then opens it and counts the frames up to the end (at most 10). */
    private int framesRead(URI url) throws CameraException {
        CameraSpec spec = new CameraSpec("cam", url, false, false, 0);
        assertNull(registry.check(spec));
        int n = 0;
        try (FrameSource source = registry.create(spec); Mat dst = new Mat()) {
            source.open();
            while (n < 10 && source.read(dst, Duration.ofSeconds(2)) == ReadStatus.FRAME) {
                n++;
            }
        }
        return n;
    }

    private static String refusal(String url) {
        return assertThrows(IllegalArgumentException.class, () -> FileSourceFactory.resolve(url, Path.of("/etc/loupe")))
                .getMessage();
    }

    @Test
    void resolve_percentEncodedPath_isDecodedOnce_andTheImageIsRead(@TempDir Path dir) throws Exception {
        // given an image in a folder with a space and an ü, written as Path#toUri() writes it (%20, %C3%BC)
        Path clip = oddFolder(dir, "clip ü.png").resolve("clip ü.png");
        String encoded = clip.toUri().toString();
        assertTrue(encoded.contains("sp%20ace%20%C3%BC/clip%20%C3%BC.png"), encoded);

        // when resolved
        URI url = FileSourceFactory.resolve(encoded, dir.resolve("elsewhere"));

        // then it names the same file (no %2520) and the camera reads it
        assertEquals(clip.toUri(), url);
        assertEquals(1, framesRead(url));
    }

    @Test
    void resolve_unencodedSpacesAndLetters_areTakenAsTheyAre(@TempDir Path dir) throws Exception {
        Path clip = oddFolder(dir, "clip ü.png").resolve("clip ü.png");

        URI url = FileSourceFactory.resolve("file:" + clip, Path.of("/etc/loupe"));

        assertEquals(clip.toUri(), url);
        assertEquals(1, framesRead(url));
    }

    @Test
    void resolve_relativePath_resolvesAgainstTheBaseFolder(@TempDir Path dir) throws Exception {
        Path folder = oddFolder(dir, "a.png", "b.png");

        assertEquals(folder.toUri(), FileSourceFactory.resolve("file:sp%20ace%20%C3%BC/", dir));
        assertEquals(folder.resolve("a.png").toUri(), FileSourceFactory.resolve("file:./sp ace ü/a.png", dir));
        assertEquals(2, framesRead(FileSourceFactory.resolve("file:sp ace ü", dir)));
    }

    @Test
    void resolve_fileSlashSlashForms_areAbsolute_andAHostIsRefused(@TempDir Path dir) throws Exception {
        Path clip = oddFolder(dir, "a.png").resolve("a.png");

        assertEquals(clip.toUri(), FileSourceFactory.resolve("file://" + clip, Path.of("/etc/loupe")));
        assertEquals(clip.toUri(), FileSourceFactory.resolve("file://localhost" + clip, Path.of("/etc/loupe")));
        assertTrue(refusal("file://clips/line.mp4").contains("names host 'clips'"));
    }

    @Test
    void resolve_loneQuestionMarkInTheLastPart_isAGlob(@TempDir Path dir) throws Exception {
        Path folder = oddFolder(dir, "img1.png", "img2.png", "img10.png");

        URI url = FileSourceFactory.resolve("file:" + folder + "/img?.png", dir);

        assertNull(url.getQuery());
        assertEquals(2, framesRead(url));
    }

    @Test
    void resolve_globWithBracketsAndBraces_isReadAfterTheRoundTrip(@TempDir Path dir) throws Exception {
        Path folder = oddFolder(dir, "img1.png", "img2.png", "img3.bmp");

        // when a glob needing percent-encoding in the spec's URL is resolved, then it matches as written
        assertEquals(2, framesRead(FileSourceFactory.resolve("file:" + folder + "/img[2-9].{png,bmp}", dir)));
    }

    @Test
    void resolve_watchOption_staysAnOptionOnAFolder(@TempDir Path dir) throws Exception {
        Path folder = oddFolder(dir, "a.png");

        URI url = FileSourceFactory.resolve("file:sp ace ü/?watch=true", dir);

        assertEquals(folder.toUri().getPath(), url.getPath());
        assertEquals("watch=true", url.getQuery());
        assertTrue(FileTarget.parse(url).watch());
        assertNull(registry.check(new CameraSpec("trap", url, false, false, 0)));
        assertTrue(refusal("file:/traps/?watch=yes").contains("watch='yes' is not true or false"));
    }

    @Test
    void resolve_unknownOption_isRefusedNamingItAndTheOptions() {
        String misspelt = refusal("file:/data/captures/?wacth=true");
        String camera = refusal("file:/data/conveyor.mp4?loop=true");

        assertTrue(misspelt.contains("unknown option 'wacth' on a file: URL; the options are: watch (true/false)"),
                misspelt);
        assertTrue(refusal("file:/data/conveyor.mp4?foo=1").contains("unknown option 'foo'"));
        assertTrue(camera.contains("unknown option 'loop'") && camera.contains("loop is a camera setting"), camera);
    }

    @Test
    void unknownOption_inACameraSpec_isAProblemBeforeTheCameraRuns() {
        CameraSpec spec = new CameraSpec("trap", URI.create("file:/data/captures/?wacth=true"), false, false, 0);

        assertTrue(registry.check(spec).contains("unknown option 'wacth'"), registry.check(spec));
        assertThrows(IllegalArgumentException.class, () -> registry.create(spec));
    }

    @Test
    void resolve_brokenGlob_isRefusedNamingThePatternAndTheFix(@TempDir Path dir) {
        String unclosed = refusal("file:" + dir + "/[ab");
        String nested = refusal("file:/traps/{a,{b}}.jpg");

        assertTrue(unclosed.contains("glob '[ab' is not valid") && unclosed.contains("close each [ with ]"),
                unclosed);
        assertTrue(nested.contains("glob '{a,{b}}.jpg' is not valid"), nested);
    }

    @Test
    void resolve_brokenPercentEscape_saysHowToWriteAPercentSign() {
        String bad = refusal("file:/data/100%.jpg");
        String notUtf8 = refusal("file:/data/%FF.jpg");

        assertTrue(bad.contains("'%' not followed by two hex digits") && bad.contains("%25"), bad);
        assertTrue(notUtf8.contains("not UTF-8"), notUtf8);
        assertEquals(URI.create("file:///data/100%25.jpg"),
                FileSourceFactory.resolve("file:/data/100%25.jpg", Path.of("/etc/loupe")));
    }
}
