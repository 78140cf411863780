package io.loupe.camera.stream;

import io.loupe.camera.ffmpeg.FfmpegInput;
import io.loupe.camera.ffmpeg.FfmpegOption;
import io.loupe.camera.ffmpeg.HwAccel;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamUrlTest {

    private static StreamUrl parse(String url) {
        return StreamUrl.parse(URI.create(url));
    }

    private static String option(FfmpegInput input, String key) {
        return input.options().stream().filter(o -> o.key().equals(key)).map(FfmpegOption::value).findFirst()
                .orElse(null);
    }

    @Test
    void rtsp_defaultsToTcp_5sTimeout_autoHwaccel_oneThread() {
        StreamUrl url = parse("rtsp://10.0.0.7:554/Streaming/Channels/101");

        assertEquals(Transport.TCP, url.transport());
        assertEquals(HwAccel.AUTO, url.hwaccel());
        assertEquals(Duration.ofSeconds(5), url.ioTimeout());
        assertEquals(1, url.threads());
        FfmpegInput input = url.toInput();
        assertEquals("tcp", option(input, "rtsp_transport"));
        assertEquals("5000000", option(input, "timeout"), "FFmpeg 8's RTSP socket timeout, in µs");
        assertEquals(null, option(input, "stimeout"), "gone since FFmpeg 7");
        assertEquals("rtsp/tcp", input.kind());
    }

    @Test
    void loupeOptions_areTakenOut_andTheCamerasOwnQueryIsKept() {
        StreamUrl url = parse("rtsp://admin:pa%40ss@cam.local/cam/realmonitor?channel=1&transport=udp&subtype=0"
                + "&hwaccel=cuda&timeout=2.5&threads=0");

        assertEquals("rtsp://admin:pa%40ss@cam.local/cam/realmonitor?channel=1&subtype=0", url.ffmpegUrl());
        assertEquals(Transport.UDP, url.transport());
        assertEquals(HwAccel.CUDA, url.hwaccel());
        assertEquals(Duration.ofMillis(2500), url.ioTimeout());
        assertEquals(0, url.threads());
        assertEquals("cam.local", url.host());
        assertEquals("udp", option(url.toInput(), "rtsp_transport"));
    }

    @Test
    void label_masksTheCredentials() {
        StreamUrl url = parse("rtsp://admin:secret@10.0.0.7/s1?password=hunter2");

        assertEquals("rtsp://***@10.0.0.7/s1?password=***", url.label());
        assertFalse(url.toInput().label().contains("secret"));
        assertTrue(url.toInput().url().contains("admin:secret@"), "FFmpeg still gets the credentials");
    }

    @Test
    void http_setsRwTimeoutAndTcpTimeout_inMicroseconds() {
        FfmpegInput input = parse("http://10.0.0.8/mjpg/video.mjpg?timeout=3").toInput();

        assertEquals("3000000", option(input, "rw_timeout"));
        assertEquals("3000000", option(input, "timeout"));
        assertEquals("http://10.0.0.8/mjpg/video.mjpg", input.url());
    }

    @Test
    void rtmp_setsOnlyRwTimeout_becauseItsTimeoutOptionMeansListen() {
        FfmpegInput input = parse("rtmp://10.0.0.9/live/cam1").toInput();

        assertEquals("5000000", option(input, "rw_timeout"));
        assertEquals(null, option(input, "timeout"));
        assertEquals(List.of("rw_timeout"), input.options().stream().map(FfmpegOption::key).toList());
    }

    @Test
    void transportOnHttp_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("http://10.0.0.8/video.mjpg?transport=udp"));

        assertTrue(e.getMessage().contains("transport applies to rtsp:// only"), e.getMessage());
    }

    @Test
    void badValues_areNamedWithTheAcceptedOnes() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("rtsp://h/s?hwaccel=gpu"))
                .getMessage().contains("hwaccel 'gpu' is not known; accepted: auto, none, cuda"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("rtsp://h/s?timeout=soon"))
                .getMessage().contains("timeout 'soon' is not a number of seconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("rtsp://h/s?threads=-1"))
                .getMessage().contains("threads '-1'"));
    }

    @Test
    void badValueMessages_maskTheCredentials() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("rtsp://admin:secret@h/s?transport=sctp"));

        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertTrue(e.getMessage().contains("rtsp://***@h/s"), e.getMessage());
    }

    @Test
    void urlWithoutHost_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("rtsp:///s1"));

        assertTrue(e.getMessage().contains("names no host"), e.getMessage());
    }
}
