package io.loupe.camera;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps camera credentials out of logs, status reasons and error messages: {@code rtsp://admin:secret@10.0.0.7/s1}
 * becomes {@code rtsp://***@10.0.0.7/s1}, and the values of query parameters that look like secrets
 * ({@code password=}, {@code pwd=}, {@code token=}, …) become {@code ***}. Use {@link #url} wherever a camera URL is
 * shown and {@link #text} on any message that may contain one (e.g. from FFmpeg).
 */
public final class Redact {

    /** What replaces a secret. */
    public static final String MASK = "***";

    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]+@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)([?&](?:password|passwd|pass|pwd|loginpas|token|access_token|auth|key|secret|signature)=)[^&#\\s]*");

    private Redact() {
    }

    /** The URL as text with its user info and secret-looking query values masked; {@code "null"} for null. */
    public static String url(URI url) {
        return url == null ? "null" : text(url.toString());
    }

    /** The text with every {@code scheme://user:password@} and secret-looking query value in it masked. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String masked = USER_INFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        return SECRET_PARAM.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK));
    }
}
