package io.loupe.camera.ffmpeg;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_FORBIDDEN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_NOT_FOUND;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_HTTP_UNAUTHORIZED;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

/**
 * FFmpeg error codes in words, with the likely cause: "Connection refused: nothing listens at that address and port —
 * is the camera on, and the port right?". Also reads JavaCV's exceptions ("avformat_open_input() error -1094995529:
 * …"). Error numbers are Linux's (the appliance runs on Linux).
 */
public final class FfmpegErrors {

    /** {@code AVERROR_INVALIDDATA}. */
    public static final int INVALID_DATA = -1094995529;
    /** {@code AVERROR(ENOENT)}. */
    public static final int NO_SUCH_FILE = -2;
    /** {@code AVERROR(EIO)}: FFmpeg's answer to a host name that does not resolve, among others. */
    public static final int IO = -5;
    /** {@code AVERROR(EACCES)}. */
    public static final int ACCESS = -13;
    /** {@code AVERROR(EBUSY)}. */
    public static final int BUSY = -16;
    /** {@code AVERROR(ENODEV)}. */
    public static final int NO_DEVICE = -19;
    /** {@code AVERROR(EAGAIN)}. */
    public static final int AGAIN = -11;
    /** {@code AVERROR(ENETUNREACH)}. */
    public static final int NET_UNREACHABLE = -101;
    /** {@code AVERROR(ECONNRESET)}. */
    public static final int CONNECTION_RESET = -104;
    /** {@code AVERROR(ETIMEDOUT)}. */
    public static final int TIMED_OUT = -110;
    /** {@code AVERROR(ECONNREFUSED)}. */
    public static final int CONNECTION_REFUSED = -111;
    /** {@code AVERROR(EHOSTUNREACH)}. */
    public static final int HOST_UNREACHABLE = -113;

    private static final Pattern CODE = Pattern.compile("(\\w+)\\(\\) error (-?\\d+)");

    private FfmpegErrors() {
    }

    /** E.g. "Invalid data found when processing input: the file is corrupt, truncated or not a video (…)". */
    public static String explain(Throwable e) {
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
        String hint = code == INVALID_DATA ? ": the file is corrupt, truncated or not a video"
                : code == NO_SUCH_FILE ? ": the file is not there" : "";
        return describe(code) + hint + " (FFmpeg " + m.group(1) + " error " + code + ")";
    }

    /** FFmpeg's own words for an error code, e.g. "Connection refused". */
    public static String describe(int code) {
        byte[] buffer = new byte[256];
        if (av_strerror(code, buffer, buffer.length) < 0) {
            return "error " + code;
        }
        int end = 0;
        while (end < buffer.length && buffer[end] != 0) {
            end++;
        }
        return new String(buffer, 0, end, StandardCharsets.UTF_8);
    }

    /** The likely cause of an error met while opening or reading a network stream, or "" when there is no better. */
    public static String networkHint(int code) {
        if (code == CONNECTION_REFUSED) {
            return "nothing listens at that address and port: is the camera on, and the port right?";
        }
        if (code == TIMED_OUT || code == AVERROR_EXIT) {
            return "no answer in time: is the host up and reachable from this box (firewall, VPN, cable)?";
        }
        if (code == HOST_UNREACHABLE || code == NET_UNREACHABLE) {
            return "no route to the host: check the address and this box's network";
        }
        if (code == CONNECTION_RESET) {
            return "the camera closed the connection: too many clients, or it is rebooting";
        }
        if (code == AVERROR_HTTP_UNAUTHORIZED) {
            return "the credentials were refused: check user and password in the URL (percent-encode special"
                    + " characters)";
        }
        if (code == AVERROR_HTTP_FORBIDDEN) {
            return "access denied: the user may lack the right to view this stream";
        }
        if (code == AVERROR_HTTP_NOT_FOUND) {
            return "no such stream path on the server: check the path after the host";
        }
        if (code == INVALID_DATA) {
            return "what came back is not a stream FFmpeg understands: check the URL's path and the camera's"
                    + " stream settings";
        }
        if (code == AVERROR_EOF) {
            return "the server ended the stream";
        }
        return "";
    }
}
