package io.loupe.camera;

import io.loupe.camera.file.FileSourceFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrameSourceRegistryTest {

    private final FrameSourceRegistry registry = FrameSourceRegistry.withDefaults();

    private static CameraSpec camera(String url) {
        return new CameraSpec("line-1", URI.create(url), false, false, 0);
    }

    @Test
    void check_missingFile_namesCameraUrlAndFix(@TempDir Path dir) {
        // given a camera on a file that is not there
        URI url = dir.resolve("conveyor.mp4").toUri();

        // when checked
        String problem = registry.check(new CameraSpec("line-1", url, true, true, 0));

        // then the message names the camera, the URL, what is wrong and how to fix it
        assertTrue(problem.contains("line-1"), problem);
        assertTrue(problem.contains(url.toString()), problem);
        assertTrue(problem.contains("does not exist"), problem);
        assertTrue(problem.contains("fix the path"), problem);
    }

    @Test
    void check_unknownScheme_listsTheKnownSchemes() {
        String problem = registry.check(camera("gige://10.0.0.7/cam0"));

        assertTrue(problem.contains("line-1"), problem);
        assertTrue(problem.contains("gige://10.0.0.7/cam0"), problem);
        assertTrue(problem.contains("no driver for scheme 'gige'"), problem);
        assertTrue(problem.contains("known schemes: file, http, https, rtmp, rtmps, rtsp, rtsps, test,"
                    + " v4l2"), problem);
    }

    @Test
    void check_urlWithoutScheme_suggestsTheFilePrefix() {
        String problem = registry.check(camera("clips/line.mp4"));

        assertTrue(problem.contains("has no scheme"), problem);
        assertTrue(problem.contains("file:clips/line.mp4"), problem);
    }

    @Test
    void check_badPatternParameter_namesIt() {
        String problem = registry.check(camera("test:pattern?width=wide"));

        assertTrue(problem.contains("line-1"), problem);
        assertTrue(problem.contains("width='wide'"), problem);
    }

    @Test
    void check_existingFileAndPattern_areFine(@TempDir Path dir) throws Exception {
        Path clip = Files.writeString(dir.resolve("a clip.mp4"), "bytes");

        assertNull(registry.check(camera(clip.toUri().toString())));
        assertNull(registry.check(camera("test:pattern?width=320&height=240&fps=10")));
        assertNull(registry.check(camera(dir.toUri() + "*.jpg")));
    }

    @Test
    void create_unknownScheme_throwsTheCheckMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.create(camera("gige:cam0")));

        assertTrue(e.getMessage().contains("known schemes: file, http, https, rtmp, rtmps, rtsp, rtsps, test,"
                    + " v4l2"), e.getMessage());
    }

    @Test
    void create_missingFile_givesASourceWhoseOpenFails(@TempDir Path dir) {
        // a missing file may appear later: create works, open reports it, the camera retries
        FrameSource source = registry.create(camera(dir.resolve("later.mp4").toUri().toString()));

        CameraException e = assertThrows(CameraException.class, source::open);
        assertTrue(e.getMessage().contains("later.mp4") && e.getMessage().contains("does not exist"), e.getMessage());
        source.close();
    }

    @Test
    void register_schemeAlreadyTaken_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.register(new FileSourceFactory()));

        assertTrue(e.getMessage().contains("'file' is already handled"), e.getMessage());
    }
}
