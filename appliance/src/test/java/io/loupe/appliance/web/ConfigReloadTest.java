package io.loupe.appliance.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loupe.appliance.Daemon;
import io.loupe.appliance.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reloading the configuration over the API: token required, a bad file changes nothing, a good one takes effect. */
class ConfigReloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOKEN = "reload-token-5678";

    @TempDir
    Path dir;

    private String config(String pipelines) {
        return """
                appliance: {id: reload-box, site: test-site, dataDir: %s}
                cameras:
                  line1: {url: "file:%s", loop: true, realtime: true}
                models:
                  det: {path: "%s"}
                pipelines:
                %s
                mqtt: {url: embedded, port: 0}
                web: {host: 127.0.0.1, port: 0, token: %s}
                """.formatted(dir.resolve("data"), Repo.demoVideo(), Repo.demoModel(), pipelines, TOKEN);
    }

    private static HttpResponse<String> reload(Daemon daemon, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + daemon.port()
                + "/api/config/reload")).POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> pipelineIds(Daemon daemon) throws Exception {
        JsonNode status = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + daemon.port() + "/api/status")).build(), HttpResponse.BodyHandlers.ofString()).body());
        List<String> ids = new ArrayList<>();
        status.get("pipelines").forEach(p -> ids.add(p.get("id").asText()));
        return ids;
    }

    @Test
    void reload_needsTheToken_refusesABadFileWithItsProblems_appliesAGoodOne() throws Exception {
        Path file = dir.resolve("appliance.yml");
        Files.writeString(file, config("  first: {type: defect, camera: line1, model: det}"));
        try (Daemon daemon = Daemon.start(file)) {
            assertThat(pipelineIds(daemon)).containsExactly("first");

            // without the token: refused
            assertThat(reload(daemon, null).statusCode()).isEqualTo(401);

            // a file with a problem: 400 naming it, and the running appliance is untouched
            Files.writeString(file, config("  second: {type: defect, camera: nocam, model: det}"));
            HttpResponse<String> bad = reload(daemon, TOKEN);
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("nocam").contains("nothing was changed");
            assertThat(daemon.generation()).isEqualTo(1);
            assertThat(pipelineIds(daemon)).containsExactly("first");

            // a good file: accepted, and the appliance runs the new pipelines
            Files.writeString(file, config("  first: {type: defect, camera: line1, model: det}\n"
                    + "  second: {type: defect, camera: line1, model: det, settings: {mode: trigger}}"));
            HttpResponse<String> good = reload(daemon, TOKEN);
            HttpResponse<String> again = reload(daemon, TOKEN);
            assertThat(good.statusCode()).as(good.body()).isEqualTo(202);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
            assertThat(again.body()).contains("already reloading");
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (daemon.generation() < 2 && System.nanoTime() < until) {
                Thread.sleep(100);
            }
            assertThat(daemon.generation()).isEqualTo(2);
            assertThat(pipelineIds(daemon)).containsExactly("first", "second");
        }
    }
}
