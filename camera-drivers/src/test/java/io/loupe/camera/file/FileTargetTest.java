package io.loupe.camera.file;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileTargetTest {

    @Test
    void parse_urlForms_giveThePath() {
        assertEquals(Path.of("clips/line.mp4"), FileTarget.parse(URI.create("file:clips/line.mp4")).path());
        assertEquals(Path.of("/data/line.mp4"), FileTarget.parse(URI.create("file:/data/line.mp4")).path());
        assertEquals(Path.of("/data/my clips/a b.mp4"),
                FileTarget.parse(URI.create("file:///data/my%20clips/a%20b.mp4")).path());
        assertEquals(Path.of("/data/x.mp4"), FileTarget.parse(URI.create("file://localhost/data/x.mp4")).path());
        assertNull(FileTarget.parse(URI.create("file:/data/line.mp4")).glob());
    }

    @Test
    void parse_globInTheLastPart_givesFolderAndGlob() {
        FileTarget target = FileTarget.parse(URI.create("file:/traps/*.jpg"));

        assertEquals(Path.of("/traps"), target.path());
        assertEquals("*.jpg", target.glob());
        assertEquals(FileTarget.Kind.GLOB, target.kind());
        assertEquals("img?.png", FileTarget.parse(URI.create("file:/traps/img?.png")).glob());
    }

    @Test
    void parse_hostInsteadOfPath_explainsTheTwoForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FileTarget.parse(URI.create("file://clips/line.mp4")));

        assertTrue(e.getMessage().contains("names host 'clips'"), e.getMessage());
        assertTrue(e.getMessage().contains("file:clips/line.mp4"), e.getMessage());
    }

    @Test
    void parse_globInAFolder_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FileTarget.parse(URI.create("file:/traps/*/a.jpg")));

        assertTrue(e.getMessage().contains("only the last part may be a glob"), e.getMessage());
    }
}
