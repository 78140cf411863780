package io.loupe.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loupe.appliance.MediaPipeFiles;
import io.loupe.appliance.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    /**
     * Floors for the gait pipeline with the demo configuration's MediaPipe models (BlazePose full + its detector) on
     * the committed walks, below what was measured (PCK@0.1 0.781, worst bout cadence error 0.028, scores within ±1
     * 4 of 4; see README.md, evaluate). The cadence ceiling is the issue's 5 %.
     */
    private static final String GAIT_MIN_PCK = "0.75";
    private static final String GAIT_MAX_CADENCE_ERROR = "0.05";
    private static final String GAIT_MIN_SCORE_WITHIN_ONE = "0.75";

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
    void evaluate_anomalyModelOnCommittedConveyorSet_isMeasuredByItsPartVerdictsAlone() throws Exception {
        CliRun r = CliRun.of("evaluate", "--pipeline", "defect", "--data",
                Repo.root().resolve("sample-data/defect").toString(), "--config",
                Repo.root().resolve("config/appliance.yml").toString(), "--model",
                Repo.root().resolve("models/zoo/part-anomaly.onnx").toString(), "--json", "--min-accuracy", "0.95");

        // the anomalib model draws no boxes: no detector metrics, only the verdicts (measured 21 of 21)
        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("classes")).isEmpty();
        assertThat(report.at("/parts/parts").asInt()).isEqualTo(21);
        assertThat(report.at("/parts/accuracy").asDouble()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void evaluate_anomalyModelWithABoxFloor_saysTheFloorCannotBeMeasured() {
        CliRun r = CliRun.of("evaluate", "--pipeline", "defect", "--data",
                Repo.root().resolve("sample-data/defect").toString(), "--config",
                Repo.root().resolve("config/appliance.yml").toString(), "--model",
                Repo.root().resolve("models/zoo/part-anomaly.onnx").toString(), "--min-map", "0.5");

        assertThat(r.code()).isEqualTo(EvaluateCommand.BELOW_FLOOR);
        assertThat(r.err()).contains("not measured").contains("drop --min-map for an anomaly model");
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
        assertThat(r.err()).contains("--pipeline weather").contains("use defect, pest or gait");
    }

    @Test
    void evaluate_gaitDemoModelsOnCommittedWalks_meetTheFloorsAndReportEveryWalk(@TempDir Path dir) throws Exception {
        Path config = demoConfigWith(MediaPipeFiles.pose(), dir);

        CliRun r = CliRun.of("evaluate", "--pipeline", "gait", "--data",
                Repo.root().resolve("sample-data/gait").toString(), "--config", config.toString(), "--json",
                "--min-pck", GAIT_MIN_PCK, "--max-cadence-error", GAIT_MAX_CADENCE_ERROR,
                "--min-score-within-one", GAIT_MIN_SCORE_WITHIN_ONE);

        assertThat(r.code()).as(r.err() + r.out()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.at("/pose/frames").asInt()).isEqualTo(1000);
        assertThat(report.at("/pose/overall/keypoints").asInt()).isEqualTo(17 * 1000);
        assertThat(report.at("/pose/keypoints")).hasSize(17);
        assertThat(report.at("/pose/views").findValuesAsText("name")).containsExactly("side", "frontal");
        assertThat(report.get("disclaimer").asText()).startsWith("Research use only");
        JsonNode walks = report.get("walks");
        assertThat(walks).hasSize(4);
        for (JsonNode w : walks) {
            assertThat(w.get("frames").asInt()).as("walk %s", w.get("walk")).isEqualTo(250);
            assertThat(w.get("pck10").asDouble()).as("walk %s", w.get("walk")).isBetween(0.5, 1.0);
            assertThat(w.get("bouts")).as("walk %s", w.get("walk")).isNotEmpty();
            assertThat(w.has("score") && w.has("true_score")).isTrue();
        }
        assertThat(walks.get(0).at("/bouts/0/cadence_spm/error").asDouble()).isLessThan(0.05);
        assertThat(walks.get(3).get("true_freezes").asInt()).isEqualTo(1);
        assertThat(report.at("/parameters/false_freezes").asInt()).isZero();
        assertThat(report.at("/scores/unscored")).isEmpty();
    }

    @Test
    void evaluate_gaitBelowItsFloors_exits3NamingEachNumberAndFloor(@TempDir Path dir) throws Exception {
        Path config = demoConfigWith(MediaPipeFiles.pose(), dir);
        Path set = oneWalkSet(dir.resolve("set"), 3, 4);

        CliRun r = CliRun.of("evaluate", "--pipeline", "gait", "--data", set.toString(), "--config",
                config.toString(), "--min-pck", "0.999", "--max-cadence-error", "0.0001", "--min-score-within-one",
                "0.5");

        assertThat(r.code()).as(r.err() + r.out()).isEqualTo(EvaluateCommand.BELOW_FLOOR);
        assertThat(r.out()).contains("walk").contains("PCK@0.1").contains("Research use only");
        assertThat(r.err()).containsPattern("PCK@0\\.1 0\\.\\d{3} is below the floor 0\\.999")
                .containsPattern("the worst bout's cadence error 0\\.\\d{3} is above the ceiling 0\\.0001")
                .contains("scores within ±1 0.000 (0 of 1 walks) are below the floor 0.5");
    }

    @Test
    void evaluate_gaitOnAFolderThatIsNotAWalkSet_namesWalksJsonAndHowToMakeOne() {
        CliRun r = CliRun.of("evaluate", "--pipeline", "gait", "--data", Repo.pestSeries().toString(), "--config",
                Repo.root().resolve("config/appliance.yml").toString());

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(Repo.pestSeries().resolve("walks.json").toString())
                .contains("loupe samples --domain gait");
    }

    /** The demo configuration, its relative paths made absolute and its MediaPipe models taken from {@code models}. */
    private static Path demoConfigWith(Path models, Path dir) throws Exception {
        String yaml = Files.readString(Repo.root().resolve("config/appliance.yml"), StandardCharsets.UTF_8)
                .replace("../models/zoo/mediapipe/", models.toAbsolutePath() + "/")
                .replace("../", Repo.root() + "/");
        Path config = dir.resolve("appliance.yml");
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        return config;
    }

    /** A set of one committed walk whose intended score is changed to {@code trueScore}, its video copied. */
    private static Path oneWalkSet(Path dir, int walk, int trueScore) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path committed = Repo.root().resolve("sample-data/gait");
        ObjectNode index = (ObjectNode) json.readTree(committed.resolve("walks.json").toFile());
        ArrayNode walks = json.createArrayNode();
        index.get("walks").forEach(w -> {
            if (w.get("walk").asInt() == walk) {
                walks.add(((ObjectNode) w).put("score", trueScore));
            }
        });
        index.set("walks", walks);
        String name = String.format("walks/%03d", walk);
        Files.createDirectories(dir.resolve("walks"));
        json.writeValue(dir.resolve("walks.json").toFile(), index);
        ObjectNode truth = (ObjectNode) json.readTree(committed.resolve(name + ".json").toFile());
        json.writeValue(dir.resolve(name + ".json").toFile(), truth.put("score", trueScore));
        Files.copy(committed.resolve(name + ".mp4"), dir.resolve(name + ".mp4"));
        return dir;
    }
}
