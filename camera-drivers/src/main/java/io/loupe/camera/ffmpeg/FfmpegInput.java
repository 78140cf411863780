package io.loupe.camera.ffmpeg;

import java.time.Duration;
import java.util.List;

/**
 * What a {@link FfmpegLiveSource} opens and how.
 *
 * @param url            what FFmpeg opens: a URL (credentials included: never log it) or a device path
 * @param label          the same for messages and logs, credentials masked
 * @param inputFormat    FFmpeg demuxer to use (e.g. {@code video4linux2}), or {@code null} to let FFmpeg probe
 * @param options        demuxer and protocol options: transport, timeouts, size
 * @param hwaccel        hardware decoding wish
 * @param ioTimeout      longest wait for any data; past it the stream counts as stalled and {@code read} throws.
 *                       Opening may take up to three times as long (connect, negotiate, probe the stream)
 * @param decoderThreads decoder threads: 1 decodes on the capture thread (lowest latency, exact decode times), 0 lets
 *                       FFmpeg choose
 * @param kind           a few words for the description, e.g. {@code rtsp/tcp}, {@code v4l2}
 */
public record FfmpegInput(String url, String label, String inputFormat, List<FfmpegOption> options, HwAccel hwaccel,
                          Duration ioTimeout, int decoderThreads, String kind) {

    public FfmpegInput {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("FFmpeg input needs a URL or device, got '" + url + "'");
        }
        options = List.copyOf(options);
        if (hwaccel == null) {
            hwaccel = HwAccel.AUTO;
        }
        if (ioTimeout == null || ioTimeout.isNegative() || ioTimeout.isZero()) {
            throw new IllegalArgumentException("I/O timeout of " + label + " must be positive, got " + ioTimeout);
        }
        if (decoderThreads < 0) {
            throw new IllegalArgumentException("decoder threads of " + label + " must be 0 (FFmpeg decides) or more,"
                    + " got " + decoderThreads);
        }
    }
}
