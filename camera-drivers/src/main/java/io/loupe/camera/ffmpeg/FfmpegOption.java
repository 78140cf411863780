package io.loupe.camera.ffmpeg;

/**
 * One entry of the option dictionary handed to {@code avformat_open_input}, e.g. {@code rtsp_transport=tcp}.
 *
 * @param key   FFmpeg's option name
 * @param value its value as FFmpeg reads it (durations in microseconds where FFmpeg says so)
 */
public record FfmpegOption(String key, String value) {

    public FfmpegOption {
        if (key == null || key.isBlank() || value == null) {
            throw new IllegalArgumentException("FFmpeg option needs a key and a value, got " + key + "=" + value);
        }
    }
}
