package io.loupe.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loupe.appliance.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code loupe evaluate} on the committed demo set, with the floors the build holds the demo to: a drop in the demo
 * model's or the pipeline's quality fails this test.
 */
class EvaluateCommandTest {
    /** Floors for the bundled demo detector on the committed conveyor set (measured: see models/training/README.md). */
    private static final String MIN_MAP = "0.90";
    private static final String MIN_ACCURACY = "0.95";

    @Test
    void evaluate_demoModelOnCommittedConveyorSet_meetsTheFloors() throws Exception {
        CliRun r = CliRun.of("evaluate", "--pipeline", "defect", "--data",
                Repo.root().resolve("sample-data/defect").toString(), "--config",
                Repo.root().resolve("config/appliance.yml").toString(), "--json", "--min-map", MIN_MAP,
                "--min-accuracy", MIN_ACCURACY);

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("frames").asInt()).isEqualTo(600);
        assertThat(report.get("classes")).isNotEmpty();
        assertThat(report.at("/parts/parts").asInt()).isEqualTo(21);
        assertThat(report.at("/parts/missed").asInt()).isZero();
    }

    @Test
    void evaluate_trainedDefectDetectorOnCommittedConveyorSet_meetsTheIssueTargets() throws Exception {
        CliRun r = CliRun.of("evaluate", "--pipeline", "defect", "--data",
                Repo.root().resolve("sample-data/defect").toString(), "--config",
                Repo.root().resolve("config/appliance.yml").toString(), "--model",
                Repo.root().resolve("models/zoo/defect-detector.onnx").toString(), "--json", "--min-map", "0.80",
                "--min-accuracy", "0.95");

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("agnostic").asBoolean()).isFalse();
        assertThat(report.get("classes")).hasSize(4);
    }

    @Test
    void evaluate_aFolderWithoutGroundTruth_namesTheFileAndHowToMakeOne(@TempDir Path empty) {
        CliRun r = CliRun.of("evaluate", "--pipeline", "defect", "--data", empty.toString(), "--config",
                Repo.root().resolve("config/appliance.yml").toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("ground-truth.json").contains("loupe samples --domain defect");
    }

    @Test
    void evaluate_aPipelineTypeNotBuiltYet_isAUsageErrorSayingSo() {
        CliRun r = CliRun.of("evaluate", "--pipeline", "gait", "--data", "x");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--pipeline gait").contains("only defect");
    }
}
