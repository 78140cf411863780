package io.loupe.camera.ffmpeg;

import static org.bytedeco.ffmpeg.global.avdevice.avdevice_register_all;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/**
 * Process-wide FFmpeg set-up, done once: only errors on stderr (no stream dumps), devices ({@code video4linux2})
 * registered.
 */
public final class FfmpegSetup {

    private static boolean done;

    private FfmpegSetup() {
    }

    /** Idempotent and thread-safe. */
    public static synchronized void init() {
        if (!done) {
            av_log_set_level(AV_LOG_ERROR);
            avdevice_register_all();
            done = true;
        }
    }
}
