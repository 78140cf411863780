package io.loupe.appliance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loupe.appliance.Repo;
import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.analysis.KeypointSeries;
import io.loupe.pipelines.gait.store.KeypointStore;
import io.loupe.samples.gait.truth.FrameKeypoints;
import io.loupe.samples.gait.truth.GaitTruthFiles;
import io.loupe.samples.gait.truth.WalkTruth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code loupe remeasure}: bouts in the keypoint store, as the gait pipeline writes them, measured again with the
 * configuration's settings; a damaged file is named and the other bouts are still measured.
 */
class RemeasureCommandTest {

    /** The committed demo set's side walk as its true keypoints, stored as session P-3's bout b1. */
    private static WalkTruth storeDemoWalk(Path store) throws Exception {
        WalkTruth truth = GaitTruthFiles.readWalk(Repo.root().resolve("sample-data/gait/walks/001.json"));
        KeypointSeries series = new KeypointSeries();
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        float[] score = new float[Joints.COUNT];
        for (FrameKeypoints f : truth.frames()) {
            Arrays.fill(x, Float.NaN);
            Arrays.fill(y, Float.NaN);
            for (int j = 0; j < Joints.COCO; j++) {
                if (f.v(j) > 0) {
                    x[j] = (float) f.x(j);
                    y[j] = (float) f.y(j);
                    score[j] = 1;
                }
            }
            series.add(f.index() / (double) truth.video().fps(), x, y, score);
        }
        try (KeypointStore s = new KeypointStore("walk1-gait", store, 30, Clock.systemUTC())) {
            assertThat(s.save("P-3", "b1", series)).isTrue();
            assertThat(s.flush(Duration.ofSeconds(10))).isTrue();
        }
        return truth;
    }

    private static Path config(Path dir, String privacy) throws Exception {
        return Files.writeString(dir.resolve("appliance.yml"), """
                appliance: {id: gait-box, site: test-site, dataDir: %s}
                cameras:
                  walk1: {url: "file:%s"}
                models:
                  pose: {path: "%s"}
                pipelines:
                  walk1-gait:
                    type: gait
                    camera: walk1
                    model: pose
                    settings:
                      pose: {kind: yolo-pose}
                      privacy: %s
                """.formatted(dir.resolve("data"), Repo.root().resolve("sample-data/gait/walks/001.mp4"),
                Repo.root().resolve("models/zoo/synthetic-pose.onnx"), privacy));
    }

    @Test
    void remeasure_theStore_measuresEachBoutAgain_aDamagedOneNamedAndTheOthersStillMeasured(@TempDir Path dir)
            throws Exception {
        Path store = dir.resolve("keypoints");
        WalkTruth truth = storeDemoWalk(store);
        Files.writeString(store.resolve("P-3/b2.csv"), Files.readAllLines(store.resolve("P-3/b1.csv")).get(0)
                + "\n0.04,oops\n");
        Path config = config(dir, "{storeKeypoints: true, storeDir: " + store + "}");

        CliRun all = CliRun.of("remeasure", "--config", config.toString());
        CliRun one = CliRun.of("remeasure", "--config", config.toString(), "--bouts",
                store.resolve("P-3/b1.csv").toString(), "--subject-height", "1.8", "--json");

        assertThat(all.code()).isEqualTo(1);
        assertThat(all.out()).contains("2 stored bouts measured with the settings of pipeline walk1-gait")
                .contains("Research use only").contains("b1.csv: side (decided)").contains("cadence ");
        assertThat(all.err()).contains("b2.csv line 2 has 2 values for the header's")
                .contains("1 of 2 bouts could not be measured");
        assertThat(one.code()).as(one.err()).isZero();
        JsonNode bout = new ObjectMapper().readTree(one.out());
        assertThat(bout.path("session").asText()).isEqualTo("P-3");
        double cadence = bout.path("parameters").path("cadence_spm").asDouble();
        assertThat(cadence).isCloseTo(truth.bout().cadence(), within(0.05 * truth.bout().cadence()));
        double stepH = bout.path("parameters").path("step_length_bh").asDouble();
        assertThat(stepH).isCloseTo(truth.bout().stepLength(), within(0.1 * truth.bout().stepLength()));
        assertThat(bout.path("parameters").path("step_length_m").asDouble()).isCloseTo(1.8 * stepH, within(1e-9));
        assertThat(bout.path("score").path("score").isInt()).isTrue();
    }

    @Test
    void remeasure_badRequests_sayWhatToGive(@TempDir Path dir) throws Exception {
        Path config = config(dir, "{showVideo: false}");
        Path store = dir.resolve("keypoints");
        storeDemoWalk(store);

        CliRun noStore = CliRun.of("remeasure", "--config", config.toString());
        CliRun missing = CliRun.of("remeasure", "--config", config.toString(), "--bouts",
                dir.resolve("nowhere").toString());
        CliRun empty = CliRun.of("remeasure", "--config", config.toString(), "--bouts",
                Files.createDirectories(dir.resolve("empty")).toString());
        CliRun tall = CliRun.of("remeasure", "--config", config.toString(), "--bouts", store.toString(),
                "--subject-height", "18");
        CliRun notGait = CliRun.of("remeasure", "--config", config.toString(), "--pipeline", "walk2-gait",
                "--bouts", store.toString());
        CliRun broken = CliRun.of("remeasure", "--config", Files.writeString(dir.resolve("broken.yml"),
                "cameras:\n  cam:\n    url: file:x.mp4\n    lopp: true\n").toString());

        assertThat(noStore.code()).isEqualTo(1);
        assertThat(noStore.err()).contains("pipeline walk1-gait stores no keypoints").contains("give --bouts");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("nowhere does not exist");
        assertThat(empty.code()).isEqualTo(1);
        assertThat(empty.err()).contains("no stored bouts (*.csv)");
        assertThat(tall.code()).isEqualTo(2);
        assertThat(tall.err()).contains("--subject-height").contains("got 18.0");
        assertThat(notGait.code()).isEqualTo(1);
        assertThat(notGait.err()).contains("no gait pipeline 'walk2-gait'");
        assertThat(broken.code()).isEqualTo(1);
        assertThat(broken.err()).contains("cameras.cam.lopp: unknown key 'lopp': did you mean 'loop'?");
    }
}
