package io.loupe.appliance.cli;

import io.loupe.appliance.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code loupe teach}: good parts made by {@code loupe samples}, taught into the file a pipeline loads. */
class TeachCommandTest {

    @Test
    void teach_goodPartsFromTheGenerator_writesTheAnomalyFileWithAThreshold(@TempDir Path dir) throws Exception {
        CliRun samples = CliRun.of("samples", "--out", dir.resolve("set").toString(), "--seed", "5",
                "--seconds", "1", "--good", "8");
        assertThat(samples.code()).as(samples.err()).isZero();
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

        CliRun taughtRun = CliRun.of("teach", "--config", config.toString(), "--pipeline", "line1-defects",
                "--good", dir.resolve("set/good").toString(), "--out", taught.toString());
        CliRun unknown = CliRun.of("teach", "--config", config.toString(), "--pipeline", "nope",
                "--good", dir.toString());
        CliRun intoAFolder = CliRun.of("teach", "--config", config.toString(), "--pipeline", "line1-defects",
                "--good", dir.resolve("set/good").toString(), "--out", dir.toString());

        assertThat(taughtRun.code()).as(taughtRun.err()).isZero();
        assertThat(Files.size(taught)).isPositive();
        assertThat(taughtRun.out()).contains("from 8 good images").contains("threshold")
                .contains("settings.anomaly.file");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no defect pipeline 'nope'");
        assertThat(intoAFolder.code()).as("refused before teaching").isEqualTo(2);
        assertThat(intoAFolder.err()).contains("--out " + dir + " is a folder: give the file to write");
    }
}
