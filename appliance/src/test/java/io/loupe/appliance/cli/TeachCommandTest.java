package io.loupe.appliance.cli;

import io.loupe.appliance.Loupe;
import io.loupe.appliance.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code loupe teach}: good parts made by {@code loupe samples}, taught into the file a pipeline loads. */
class TeachCommandTest {

    private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... argv) {
        return Loupe.execute(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void teach_goodPartsFromTheGenerator_writesTheAnomalyFileWithAThreshold(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int samples = run(out, err, "samples", "--out", dir.resolve("set").toString(), "--seed", "5",
                "--seconds", "1", "--good", "8");
        assertThat(samples).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path config = dir.resolve("appliance.yml");
        Files.writeString(config, """
                appliance: {id: teach-box, site: test-site, dataDir: %s}
                cameras:
                  line1: {url: "file:%s"}
                models:
                  det: {path: "%s"}
                pipelines:
                  line1-defects: {type: defect, camera: line1, model: det}
                """.formatted(dir.resolve("data"), Repo.demoVideo(), Repo.demoModel()));
        Path taught = dir.resolve("line1.anomaly.yml.gz");

        int code = run(out, err, "teach", "--config", config.toString(), "--pipeline", "line1-defects",
                "--good", dir.resolve("set/good").toString(), "--out", taught.toString());
        int unknown = run(new ByteArrayOutputStream(), err, "teach", "--config", config.toString(), "--pipeline", "nope",
                "--good", dir.toString());

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(Files.size(taught)).isPositive();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("from 8 good images").contains("threshold")
                .contains("settings.anomaly.file");
        assertThat(unknown).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no defect pipeline 'nope'");
    }
}
