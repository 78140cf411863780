package io.loupe.appliance.web;

import io.loupe.appliance.Daemon;
import io.loupe.appliance.Repo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code web.protectReads: true}: every spelling of a read that reaches the API or the metrics needs the token, sent
 * over a raw socket so that no client tidies the path first; the page, its assets and {@code /health} stay open.
 */
class ProtectedReadsTest {
    private static final String TOKEN = "test-token-5678";

    @TempDir
    static Path dir;
    static Daemon daemon;

    @BeforeAll
    static void start() throws Exception {
        Path config = Files.writeString(dir.resolve("appliance.yml"), Repo.demoLineConfig(dir.resolve("data"), "",
                "port: 0, token: " + TOKEN + ", protectReads: true"));
        daemon = Daemon.start(config);
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    void protectedReads_metricsAndApiInEverySpellingTheRouterServes_needTheToken() throws Exception {
        // each of these reaches its endpoint when the token comes with it
        List<String> served = List.of("/metrics", "/metrics/", "/metrics?x=1", "http://x/metrics", "http://x/metrics/",
                "/api/status", "/api/status/", "/api/events/", "/api/pipelines/stats/", "/api/pipelines/line1-defects/");

        for (String path : served) {
            assertThat(status(path, null)).as("GET %s without the token", path).isEqualTo(401);
            assertThat(status(path, TOKEN)).as("GET %s with the token", path).isEqualTo(200);
        }
        assertThat(status("/metrics/?token=" + TOKEN, null)).as("the token as ?token=").isEqualTo(200);
        assertThat(status("/metrics/", "wrong")).isEqualTo(401);
    }

    @Test
    void protectedReads_oddSpellingsOfProtectedPaths_failClosed() throws Exception {
        for (String path : List.of("/metrics//", "//metrics", "/METRICS", "/Metrics/", "/metrics;x", "/metrics%2F",
                "/./metrics", "/x/../metrics", "/%6detrics", "//api/status", "/api//status", "/API/status",
                "/api/status//", "/api/./status", "/%61pi/status", "/api%2Fstatus", "/api/pipelines//line1-defects")) {
            assertThat(status(path, null)).as("GET %s without the token", path).isEqualTo(401);
        }
    }

    @Test
    void protectedReads_pageAssetsAndHealth_stayOpen() throws Exception {
        for (String path : List.of("/", "/pipelines/line1-defects", "/pipelines/line1-defects/", "/assets/loupe.js",
                "/assets/loupe.css", "/health", "/health/", "/health/liveness", "/health/readiness/")) {
            assertThat(status(path, null)).as("GET %s without the token", path).isIn(200, 503);
        }
    }

    /** The status of {@code GET rawPath}, written byte for byte onto the connection. */
    private static int status(String rawPath, String token) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", daemon.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                head.write(b);
            }
            String statusLine = head.toString(StandardCharsets.ISO_8859_1);   // HTTP/1.1 200 OK
            assertThat(statusLine).as("status line for %s", rawPath).startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
