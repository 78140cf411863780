package io.loupe.camera.stream;

import java.util.Locale;

/** How RTSP carries the media: interleaved in the RTSP TCP connection (the default) or as RTP over UDP. */
public enum Transport {
    /** RTP interleaved in the RTSP connection: passes firewalls and NAT, no packet loss. The default. */
    TCP,
    /** RTP over UDP: lower latency on a clean LAN, loses packets (and picture) on a busy one. */
    UDP;

    /**
     * Reads {@code tcp} or {@code udp}, case-insensitive.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static Transport parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "tcp" -> TCP;
            case "udp" -> UDP;
            default -> throw new IllegalArgumentException("transport '" + text + "' is not known; accepted: tcp, udp");
        };
    }

    /** As written in configuration and given to FFmpeg's {@code rtsp_transport}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
