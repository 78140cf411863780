package io.loupe.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loupe.appliance.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench command runs its phases on the real demo model and clip and reports every figure it promises. It asserts
 * the report's shape and that each figure was measured (positive, finite), never a speed: speeds are for
 * PERFORMANCE.md, not for a test on a shared machine.
 */
class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bench_demoModelOnDemoClip_reportsBaselinePipelinePhasesLatencyAndMemory() throws Exception {
        CliRun r = CliRun.of("bench", "--model", Repo.demoModel().toString(), "--video", Repo.demoVideo().toString(),
                "--frames", "20", "--repeats", "1", "--cameras", "2", "--soak", "3", "--json");

        assertThat(r.code()).as(r.err()).isZero();
        JsonNode report = JSON.readTree(r.out());
        assertThat(report.at("/baseline/median_fps").asDouble()).isPositive();
        for (String phase : new String[] {"single", "multi"}) {
            JsonNode t = report.get(phase);
            assertThat(t.get("median_fps").asDouble()).as(phase).isPositive();
            assertThat(t.get("ratio_to_model").asDouble()).as(phase).isPositive();
            assertThat(t.get("allocation_bytes_per_frame").has("pipeline")).as(phase).isTrue();
            assertThat(phases(t)).as(phase).contains("decode", "pre-process", "inference", "decode+NMS", "rules",
                    "publish");
        }
        assertThat(report.at("/multi/per_camera_fps")).hasSize(2);
        JsonNode paced = report.get("paced");
        assertThat(paced.get("results").asLong()).isPositive();
        assertThat(paced.get("startup_ms").asDouble()).isPositive();
        assertThat(paced.get("e2e_p99_ms").asDouble()).isGreaterThanOrEqualTo(paced.get("e2e_p50_ms").asDouble());
        assertThat(paced.get("memory")).isNotEmpty();
        assertThat(paced.get("memory").get(0).get("rss_mb").asDouble()).isPositive();
    }

    @Test
    void bench_unknownPipeline_namesItAndTheOnesThereAre() {
        CliRun r = CliRun.of("bench", "--config", Repo.root().resolve("config/appliance.yml").toString(), "--pipeline",
                "nope", "--frames", "20");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("nope").contains("line1-defects").contains("--pipeline");
    }

    @Test
    void bench_tooFewFrames_isAUsageErrorNamingTheFlag() {
        CliRun r = CliRun.of("bench", "--frames", "3");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--frames 3");
    }

    @Test
    void bench_aModelOrVideoThatIsNotThere_isNamed_theModelByItsFlag() {
        CliRun model = CliRun.of("bench", "--model", "no-such-model.onnx", "--video", Repo.demoVideo().toString());
        CliRun video = CliRun.of("bench", "--model", Repo.demoModel().toString(), "--video", "no-such-clip.mp4");

        assertThat(model.code()).isEqualTo(1);
        assertThat(model.err()).contains("--model no-such-model.onnx does not exist").contains("give an ONNX model")
                .doesNotContain("bench.yml");
        assertThat(video.code()).isEqualTo(1);
        assertThat(video.err()).contains(Path.of("no-such-clip.mp4").toAbsolutePath() + " does not exist");
    }

    @Test
    void bench_aVideoThatIsNotAVideo_failsWithTheCamerasReason_notAMinuteLater(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.mp4"));

        CliRun r = CliRun.of("bench", "--model", Repo.demoModel().toString(), "--video", empty.toString(),
                "--frames", "10", "--repeats", "1");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("gave no frame in").contains("empty.mp4").doesNotContain("no frame processed for 60 s")
                .doesNotContain("CameraStatus[");
    }

    private static List<String> phases(JsonNode throughput) {
        List<String> names = new ArrayList<>();
        throughput.get("phases").forEach(p -> names.add(p.get("phase").asText()));
        return names;
    }
}
