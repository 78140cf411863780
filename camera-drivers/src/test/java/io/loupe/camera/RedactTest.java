package io.loupe.camera;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RedactTest {

    @Test
    void url_masksUserAndPassword() {
        assertEquals("rtsp://***@10.0.0.7:554/s1", Redact.url(URI.create("rtsp://admin:secret@10.0.0.7:554/s1")));
        assertEquals("http://***@cam/x", Redact.url(URI.create("http://admin@cam/x")));
    }

    @Test
    void url_masksSecretLookingQueryValues_andKeepsTheOthers() {
        assertEquals("http://cam/cgi?user=admin&pwd=***&channel=1",
                Redact.url(URI.create("http://cam/cgi?user=admin&pwd=hunter2&channel=1")));
        assertEquals("rtsp://cam/s?token=***", Redact.url(URI.create("rtsp://cam/s?token=abc.def")));
    }

    @Test
    void url_withoutSecrets_isUnchanged() {
        assertEquals("file:/data/traps/*.jpg", Redact.url(URI.create("file:/data/traps/*.jpg")));
        assertEquals("rtsp://10.0.0.7/s1?channel=1", Redact.url(URI.create("rtsp://10.0.0.7/s1?channel=1")));
    }

    @Test
    void text_masksEveryUrlInAMessage() {
        assertEquals("cannot open rtsp://***@h/s1 (was rtmp://***@h2/live)",
                Redact.text("cannot open rtsp://a:b@h/s1 (was rtmp://c:d@h2/live)"));
        assertNull(Redact.text(null));
    }
}
