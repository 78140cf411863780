package io.loupe.camera.file;

import org.bytedeco.javacpp.BytePointer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

/** Turns JavaCV's FFmpeg exceptions ("avformat_open_input() error -1094995529: …") into words and a likely cause. */
final class FfmpegErrors {

    /** {@code AVERROR_INVALIDDATA}. */
    private static final int INVALID_DATA = -1094995529;
    /** {@code AVERROR(ENOENT)}. */
    private static final int NO_SUCH_FILE = -2;
    private static final Pattern CODE = Pattern.compile("(\\w+)\\(\\) error (-?\\d+)");

    private FfmpegErrors() {
    }

    /** E.g. "Invalid data found when processing input: the file is corrupt, truncated or not a video (…)". */
    static String explain(Throwable e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = CODE.matcher(message);
        if (!m.find()) {
            return message;
        }
        int code;
        try {
            code = Integer.parseInt(m.group(2));
        } catch (NumberFormatException nfe) {
            return message;
        }
        String text = describe(code);
        String hint = switch (code) {
            case INVALID_DATA -> ": the file is corrupt, truncated or not a video";
            case NO_SUCH_FILE -> ": the file is not there";
            default -> "";
        };
        return text + hint + " (FFmpeg " + m.group(1) + " error " + code + ")";
    }

    private static String describe(int code) {
        try (BytePointer buffer = new BytePointer(256)) {
            if (av_strerror(code, buffer, 256) < 0) {
                return "error " + code;
            }
            return buffer.getString();
        }
    }
}
