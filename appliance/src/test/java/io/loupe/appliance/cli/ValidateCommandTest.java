package io.loupe.appliance.cli;

import io.loupe.appliance.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    @Test
    void validate_settingsNamingALabelTheirModelLacks_areProblems_beforeTheApplianceStarts(@TempDir Path dir)
            throws Exception {
        // given the demo configuration with a pest threshold on a misspelt species, a per-class score for a class
        // the demo defect model does not have, and the defect detector as the gait pipeline's pose model
        String demo = Files.readString(Repo.root().resolve("config/appliance.yml"))
                .replace("../", Repo.root().toAbsolutePath() + "/");
        String mistyped = demo.replace("{species: whitefly, min: 30, per: week}", "{species: whitefli, min: 30,"
                + " per: week}").replace("minScore: 0.5     # detections below", "classMinScore: {scratch: 0.4}\n"
                + "        minScore: 0.5     # detections below").replace("camera: walk1\n    model: pose-landmarks",
                "camera: walk1\n    model: dark-defect");
        assertThat(mistyped).as("the three edits applied").contains("whitefli").contains("classMinScore")
                .doesNotContain("model: pose-landmarks");
        Path good = Files.writeString(dir.resolve("good.yml"), demo);
        Path bad = Files.writeString(dir.resolve("bad.yml"), mistyped);

        // when it is validated
        CliRun ok = CliRun.of("validate", "--config", good.toString());
        CliRun r = CliRun.of("validate", "--config", bad.toString());

        // then the labels are checked against the loaded models, and each problem names the value and the labels
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("3 problems")
                .contains("pipelines.walk1-gait.settings").contains("pose.kind is mediapipe but model dark-defect")
                .contains("pipelines.trap1-pests.settings").contains("thresholds name 'whitefli'")
                .contains("use one of [whitefly, aphid, thrips, fungus_gnat, moth]")
                .contains("pipelines.line1-defects.settings").contains("rules.classMinScore names 'scratch'")
                .as("each problem names its pipeline once").doesNotContain("pipeline trap1-pests:");
    }
}
