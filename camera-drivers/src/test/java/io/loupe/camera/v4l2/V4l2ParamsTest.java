package io.loupe.camera.v4l2;

import io.loupe.camera.CameraException;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.ffmpeg.FfmpegInput;
import io.loupe.camera.ffmpeg.FfmpegOption;
import io.loupe.camera.ffmpeg.HwAccel;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class V4l2ParamsTest {

    private static V4l2Params parse(String url) {
        return V4l2Params.parse(URI.create(url));
    }

    @Test
    void fullUrl_becomesFfmpegsVideo4linux2Options() {
        V4l2Params params = parse("v4l2:/dev/video2?width=1280&height=720&fps=30&format=mjpeg");

        assertEquals(Path.of("/dev/video2"), params.device());
        assertEquals(1280, params.width());
        assertEquals(720, params.height());
        assertEquals(30.0, params.fps());
        assertEquals("mjpeg", params.format());
        FfmpegInput input = params.toInput();
        Map<String, String> options = input.options().stream()
                .collect(Collectors.toMap(FfmpegOption::key, FfmpegOption::value));
        assertEquals(Map.of("video_size", "1280x720", "framerate", "30", "input_format", "mjpeg",
                "fflags", "nonblock"), options);
        assertEquals("video4linux2", input.inputFormat());
        assertEquals("/dev/video2", input.url());
    }

    @Test
    void bareDevice_usesTheCamerasDefaults() {
        V4l2Params params = parse("v4l2:///dev/video0");

        assertEquals(0, params.width());
        assertNull(params.format());
        assertEquals(HwAccel.AUTO, params.hwaccel());
        assertEquals(1, params.toInput().options().size(), "only fflags=nonblock");
    }

    @Test
    void formatAliases_areFfmpegNames() {
        assertEquals("yuyv422", parse("v4l2:/dev/video0?format=YUYV").format());
        assertEquals("mjpeg", parse("v4l2:/dev/video0?format=MJPG").format());
    }

    @Test
    void badUrls_nameTheProblemAndTheForm() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("v4l2:video0")).getMessage()
                .contains("names no device"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("v4l2:/dev/video0?width=1280"))
                .getMessage().contains("gives width alone"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> parse("v4l2:/dev/video0?width=wide&height=720")).getMessage().contains("width='wide'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("v4l2:/dev/video0?exposure=3"))
                .getMessage().contains("unknown parameter 'exposure'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("v4l2:/dev/video0?format=MJ-PEG"))
                .getMessage().contains("format='MJ-PEG'"));
    }

    @Test
    void absentDevice_passesTheCheck_butOpenSaysItIsNotPluggedIn() {
        // given a device node that does not exist on this machine
        Path device = Path.of("/dev/video97");
        assertTrue(!Files.exists(device), "test assumes no " + device);
        FrameSourceRegistry registry = FrameSourceRegistry.withDefaults();
        CameraSpec spec = new CameraSpec("usb", URI.create("v4l2:" + device + "?width=640&height=480"), false, false,
                0);

        // then validation accepts the URL (the camera may be plugged in later), and opening explains the absence
        assertNull(registry.check(spec));
        try (FrameSource source = registry.create(spec)) {
            CameraException e = assertThrows(CameraException.class, source::open);
            assertTrue(e.getMessage().contains("no video device /dev/video97"), e.getMessage());
            assertTrue(e.getMessage().contains("is the camera plugged in?"), e.getMessage());
        }
    }
}
