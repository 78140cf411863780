package io.loupe.appliance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.loupe.appliance.ApplianceException;
import io.loupe.appliance.Daemon;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload onto a web port another process holds leaves the appliance running its previous configuration. Run in a
 * JVM of its own: under JUnit, Micronaut sees a test and throws where, in a daemon, it ends the JVM.
 */
class ReloadOntoATakenPortTest {

    /** What the forked JVM runs: start on a free port, reload onto a taken one, say what runs afterwards. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            Path file = Path.of(args[0]);
            Files.writeString(file, config(file.getParent(), 0, "first"));
            try (Daemon daemon = Daemon.start(file);
                 ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Files.writeString(file, config(file.getParent(), taken.getLocalPort(), "second"));
                try {
                    daemon.reload();
                    System.out.println("reloaded onto a taken port");
                } catch (ApplianceException e) {
                    System.out.println("refused: " + e.getMessage());
                }
                HttpResponse<String> status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + daemon.port() + "/api/status")).build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.println("after the reload: " + status.statusCode() + " " + status.body());
            }
            System.out.println("stopped");
        }

        /** No broker (the link retries quietly): an embedded one would take seconds to stop at each restart. */
        private static String config(Path dir, int port, String camera) {
            return """
                    appliance: {id: reload-box, site: test-site, dataDir: %s}
                    cameras:
                      %s: {url: "test:pattern?width=64&height=48&fps=5"}
                    models: {}
                    pipelines: {}
                    mqtt: {url: "tcp://127.0.0.1:9"}
                    web: {host: 127.0.0.1, port: %d, token: reload-token-5678}
                    """.formatted(dir.resolve("data"), camera, port);
        }
    }

    @Test
    void reloadOntoAPortAnotherProcessHolds_startsThePreviousConfigurationAgain(@TempDir Path dir) throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Probe.class.getName(), dir.resolve("appliance.yml").toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the probe JVM ends").isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("refused: web server on 127.0.0.1:").contains("is the port taken? set web.port")
                .contains("starting the previous one again")
                .contains("after the reload: 200").contains("\"id\":\"first\"").doesNotContain("\"id\":\"second\"")
                .contains("stopped");
    }
}
