package io.loupe.camera.v4l2;

import io.loupe.camera.ffmpeg.FfmpegInput;
import io.loupe.camera.ffmpeg.FfmpegOption;
import io.loupe.camera.ffmpeg.HwAccel;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A {@code v4l2:} URL, read: {@code v4l2:/dev/video0?width=1280&height=720&fps=30&format=mjpeg}.
 *
 * @param url     the URL as configured
 * @param device  the device node, e.g. {@code /dev/video0}
 * @param width   asked frame width, 0 for the camera's default (give width and height together)
 * @param height  asked frame height, 0 for the camera's default
 * @param fps     asked frame rate, 0 for the camera's default
 * @param format  asked pixel format or codec as FFmpeg names it ({@code mjpeg}, {@code yuyv422}, {@code h264},
 *                {@code nv12}, …), or {@code null} for the camera's default. USB 2 cameras give 720p and more at full
 *                rate only as {@code mjpeg}
 * @param hwaccel hardware decoding wish (for {@code mjpeg} and {@code h264})
 * @param timeout no frame for this long is a stall
 */
public record V4l2Params(URI url, Path device, int width, int height, double fps, String format, HwAccel hwaccel,
                         Duration timeout) {

    private static final String FORM = "v4l2:/dev/video0?width=1280&height=720&fps=30&format=mjpeg";
    private static final Pattern FORMAT = Pattern.compile("[a-z0-9_]{2,32}");

    /**
     * Reads a {@code v4l2:} URL.
     *
     * @throws IllegalArgumentException naming the URL, the offending part and the accepted form
     */
    public static V4l2Params parse(URI url) {
        String path = url.getPath();
        if (url.isOpaque() || path == null || !path.startsWith("/dev/") || path.length() <= "/dev/".length()) {
            throw new IllegalArgumentException("URL '" + url + "' names no device; write the device node, e.g. "
                    + FORM);
        }
        int width = 0;
        int height = 0;
        double fps = 0;
        String format = null;
        HwAccel hwaccel = HwAccel.AUTO;
        Duration timeout = Duration.ofSeconds(5);
        String query = url.getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            switch (key) {
                case "width" -> width = (int) number(url, key, value, 16, 8192);
                case "height" -> height = (int) number(url, key, value, 16, 8192);
                case "fps" -> fps = number(url, key, value, 0.1, 1000);
                case "format" -> format = format(url, value);
                case "hwaccel" -> hwaccel = hwaccel(url, value);
                case "timeout" -> timeout = Duration.ofNanos(Math.round(number(url, key, value, 0.1, 600) * 1e9));
                default -> throw new IllegalArgumentException("URL '" + url + "' has unknown parameter '" + key
                        + "'; accepted: width, height, fps, format, hwaccel, timeout, e.g. " + FORM);
            }
        }
        if ((width == 0) != (height == 0)) {
            throw new IllegalArgumentException("URL '" + url + "' gives " + (width == 0 ? "height" : "width")
                    + " alone; give width and height together, e.g. " + FORM);
        }
        return new V4l2Params(url, Path.of(path), width, height, fps, format, hwaccel, timeout);
    }

    /**
     * What FFmpeg opens: its {@code video4linux2} input with {@code video_size}, {@code framerate} and
     * {@code input_format} where given, non-blocking ({@code fflags=nonblock}) so that a camera that stops sending
     * leaves the capture loop free to notice.
     */
    public FfmpegInput toInput() {
        List<FfmpegOption> options = new ArrayList<>();
        if (width > 0) {
            options.add(new FfmpegOption("video_size", width + "x" + height));
        }
        if (fps > 0) {
            options.add(new FfmpegOption("framerate", fps == Math.rint(fps) ? Long.toString((long) fps)
                    : Double.toString(fps)));
        }
        if (format != null) {
            options.add(new FfmpegOption("input_format", format));
        }
        options.add(new FfmpegOption("fflags", "nonblock"));
        return new FfmpegInput(device.toString(), "v4l2 camera " + device, "video4linux2", options, hwaccel, timeout,
                1, "v4l2");
    }

    private static double number(URI url, String key, String value, double min, double max) {
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            parsed = Double.NaN;
        }
        boolean whole = !key.equals("fps") && !key.equals("timeout");
        if (!(parsed >= min && parsed <= max) || (whole && parsed != Math.rint(parsed))) {
            throw new IllegalArgumentException("URL '" + url + "': " + key + "='" + value + "' is not "
                    + (whole ? "a whole number" : "a number") + " from " + format(min) + " to " + format(max)
                    + ", e.g. " + FORM);
        }
        return parsed;
    }

    private static String format(URI url, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        v = switch (v) {
            case "mjpg" -> "mjpeg";
            case "yuyv" -> "yuyv422";
            default -> v;
        };
        if (!FORMAT.matcher(v).matches()) {
            throw new IllegalArgumentException("URL '" + url + "': format='" + value + "' is not a pixel format or"
                    + " codec name; e.g. mjpeg, yuyv422, h264, nv12 (v4l2-ctl --list-formats-ext shows the camera's)");
        }
        return v;
    }

    private static HwAccel hwaccel(URI url, String value) {
        try {
            return HwAccel.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("URL '" + url + "': " + e.getMessage(), e);
        }
    }

    private static String format(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
