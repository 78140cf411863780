package io.loupe.appliance.config;

import java.nio.file.Path;

/**
 * The status page and API.
 *
 * @param host         bind address ({@code 127.0.0.1} keeps the page on the box)
 * @param port         HTTP port; 0 picks a free one
 * @param token        the token that changes state (commands, enabling pipelines); empty: read from {@code tokenFile},
 *                     or generate one there at first start (mode 0600) and log it once
 * @param tokenFile    where a generated token is kept; empty: {@code <dataDir>/web-token}
 * @param protectReads true to require the token for reads too ({@code /api/…}, {@code /metrics}); {@code /health} and
 *                     the page itself stay open
 */
public record WebConfig(String host, int port, String token, Path tokenFile, boolean protectReads) {

    public static WebConfig defaults() {
        return new WebConfig("0.0.0.0", 8080, null, null, false);
    }
}
