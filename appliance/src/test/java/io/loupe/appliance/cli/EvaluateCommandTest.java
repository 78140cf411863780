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
    /**
     * Floors for the bundled demo pest detector on the committed trap series, below what was measured (mAP@0.5 0.968,
     * worst per-species count error 0.211, aphid; see models/training/README.md). The issue's target for the count
     * error is 0.10: not met yet by this model for aphid (and on held-out seed 2002 for moth).
     */
    private static final String PEST_MIN_MAP = "0.93";
    private static final String PEST_MAX_COUNT_ERROR = "0.25";

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
    void evaluate_pestDemoModelOnCommittedTrapSeries_countsWithinTheCeilingAndTilesBeatTheWholeFrame()
            throws Exception {
        CliRun r = CliRun.of("evaluate", "--pipeline", "pest", "--data",
                Repo.root().resolve("sample-data/pest").toString(), "--config",
                Repo.root().resolve("config/appliance.yml").toString(), "--json", "--min-map", PEST_MIN_MAP,
                "--max-count-error", PEST_MAX_COUNT_ERROR);

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("captures").asInt()).isEqualTo(6);
        assertThat(report.get("counts")).hasSize(5);
        assertThat(report.get("card_changes_found").asInt()).isEqualTo(report.get("card_changes").asInt())
                .isEqualTo(1);
        assertThat(report.get("false_card_changes").asInt()).isZero();
        double tiled = recall(report.get("tiled"));
        double whole = recall(report.get("whole_frame"));
        assertThat(tiled).as("recall with tiles vs the whole frame").isGreaterThan(whole + 0.3);
    }

    private static double recall(JsonNode classes) {
        int truths = 0;
        int hits = 0;
        for (JsonNode c : classes) {
            truths += c.get("truths").asInt();
            hits += c.get("hits").asInt();
        }
        return hits / (double) truths;
    }

    @Test
    void evaluate_aPipelineTypeWithoutEvaluation_isAUsageErrorSayingSo() {
        CliRun r = CliRun.of("evaluate", "--pipeline", "weather", "--data", "x");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--pipeline weather").contains("use defect or pest");
    }
}
