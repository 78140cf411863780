package io.loupe.camera.stream;

import io.loupe.camera.Redact;
import io.loupe.camera.ffmpeg.FfmpegInput;
import io.loupe.camera.ffmpeg.FfmpegOption;
import io.loupe.camera.ffmpeg.HwAccel;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A network camera URL, read: what FFmpeg opens, and Loupe's own options taken out of the query (the rest of the
 * query, e.g. a Dahua {@code ?channel=1&subtype=0}, goes to the camera untouched).
 *
 * <p>Loupe's options: {@code transport=tcp|udp} (RTSP only, default tcp), {@code hwaccel=auto|none|cuda|…}
 * ({@link HwAccel}, default auto), {@code timeout=SECONDS} (no data for that long = stalled, default
 * {@value #DEFAULT_TIMEOUT_SECONDS}; keep it below the camera's stall timeout), {@code threads=N} (decoder threads,
 * default 1, 0 = FFmpeg decides).
 *
 * @param url       the URL as configured (credentials included: show {@link #label()} instead)
 * @param scheme    lower-case scheme: rtsp, rtsps, rtmp, rtmps, http, https
 * @param host      the host name or address
 * @param ffmpegUrl what FFmpeg opens: the URL without Loupe's options and without a fragment
 * @param transport RTSP transport ({@link Transport#TCP} for other schemes)
 * @param hwaccel   hardware decoding wish
 * @param ioTimeout no data for this long is a stall
 * @param threads   decoder threads
 */
public record StreamUrl(URI url, String scheme, String host, String ffmpegUrl, Transport transport, HwAccel hwaccel,
                        Duration ioTimeout, int threads) {

    /** Default of {@code timeout}. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 5;
    /** The schemes read here. */
    public static final Set<String> SCHEMES = Set.of("rtsp", "rtsps", "rtmp", "rtmps", "http", "https");

    private static final String FORM = "rtsp://user:password@192.168.1.20:554/stream1?transport=tcp&hwaccel=auto";

    /**
     * Reads a camera URL.
     *
     * @throws IllegalArgumentException naming the URL (credentials masked), the offending part and the fix
     */
    public static StreamUrl parse(URI url) {
        String shown = Redact.url(url);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("URL '" + shown + "' is not a network stream; schemes: "
                    + String.join(", ", new java.util.TreeSet<>(SCHEMES)));
        }
        String authority = url.getRawAuthority();
        if (url.isOpaque() || authority == null || authority.isBlank()) {
            throw new IllegalArgumentException("URL '" + shown + "' names no host; write it as " + scheme
                    + "://HOST[:PORT]/PATH, e.g. " + FORM);
        }
        String host = hostOf(authority);
        if (host.isEmpty()) {
            throw new IllegalArgumentException("URL '" + shown + "' names no host; e.g. " + FORM);
        }
        if (url.getPort() == 0 || url.getPort() > 65_535) {
            throw new IllegalArgumentException("URL '" + shown + "' has port " + url.getPort()
                    + "; use 1 to 65535 or leave it out for the default");
        }
        Transport transport = null;
        HwAccel hwaccel = HwAccel.AUTO;
        Duration timeout = Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
        int threads = 1;
        List<String> kept = new ArrayList<>();
        String query = url.getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                switch (key) {
                    case "transport" -> transport = Transport.parse(value);
                    case "hwaccel" -> hwaccel = HwAccel.parse(value);
                    case "timeout" -> timeout = seconds(value);
                    case "threads" -> threads = threads(value);
                    default -> kept.add(pair);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("URL '" + shown + "': " + e.getMessage(), e);
            }
        }
        boolean rtsp = scheme.startsWith("rtsp");
        if (transport != null && !rtsp) {
            throw new IllegalArgumentException("URL '" + shown + "': transport applies to rtsp:// only; remove it");
        }
        String ffmpegUrl = scheme + "://" + authority + (url.getRawPath() == null ? "" : url.getRawPath())
                + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
        return new StreamUrl(url, scheme, host, ffmpegUrl, transport == null ? Transport.TCP : transport, hwaccel,
                timeout, threads);
    }

    /** The URL for logs and messages, credentials masked. */
    public String label() {
        return Redact.url(url);
    }

    /**
     * What FFmpeg opens, with each protocol's I/O timeout set the way FFmpeg 8 reads it: RTSP's {@code timeout}
     * (socket I/O, µs); HTTP's {@code rw_timeout} (µs, inherited by the TCP connection and by HLS segments) and
     * {@code timeout} (µs, passed on to TCP: connect and read); RTMP's {@code rw_timeout} only — its {@code timeout}
     * would turn the client into a server waiting for a publisher. FFmpeg 8 has no {@code stimeout} any more.
     */
    public FfmpegInput toInput() {
        String micros = Long.toString(ioTimeout.toNanos() / 1_000);
        List<FfmpegOption> options = new ArrayList<>();
        String kind;
        if (scheme.startsWith("rtsp")) {
            options.add(new FfmpegOption("rtsp_transport", transport.configName()));
            options.add(new FfmpegOption("timeout", micros));
            if (transport == Transport.UDP) {
                options.add(new FfmpegOption("buffer_size", Integer.toString(1 << 20)));
            }
            kind = scheme + "/" + transport.configName();
        } else if (scheme.startsWith("http")) {
            options.add(new FfmpegOption("rw_timeout", micros));
            options.add(new FfmpegOption("timeout", micros));
            kind = scheme;
        } else {
            options.add(new FfmpegOption("rw_timeout", micros));
            kind = scheme;
        }
        return new FfmpegInput(ffmpegUrl, label(), null, options, hwaccel, ioTimeout, threads, kind);
    }

    private static String hostOf(String authority) {
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            return end < 0 ? "" : hostPort.substring(1, end);
        }
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    private static Duration seconds(String value) {
        double seconds;
        try {
            seconds = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            seconds = Double.NaN;
        }
        if (!(seconds >= 0.1 && seconds <= 600)) {
            throw new IllegalArgumentException("timeout '" + value + "' is not a number of seconds from 0.1 to 600,"
                    + " e.g. timeout=5");
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static int threads(String value) {
        try {
            int threads = Integer.parseInt(value);
            if (threads >= 0 && threads <= 64) {
                return threads;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("threads '" + value + "' is not a whole number from 0 (FFmpeg decides)"
                + " to 64, e.g. threads=1");
    }
}
