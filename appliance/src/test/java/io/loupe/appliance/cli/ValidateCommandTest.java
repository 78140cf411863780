package io.loupe.appliance.cli;

import io.loupe.appliance.Repo;
import io.loupe.models.mediapipe.MediaPipeModel;
import io.loupe.models.mediapipe.MediaPipeTestModels;
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
        String demo = demoConfig();
        String mistyped = demo.replace("{species: whitefly, min: 30, per: week}", "{species: whitefli, min: 30,"
                + " per: week}").replace("minScore: 0.5     # detections below", "classMinScore: {scratch: 0.4}\n"
                + "        minScore: 0.5     # detections below").replace("camera: walk1\n    model: pose-landmarks",
                "camera: walk1\n    model: dark-defect");
        assertThat(mistyped).as("the three edits applied").contains("whitefli").contains("classMinScore")
                .doesNotContain("model: pose-landmarks");

        // when it is validated
        CliRun ok = validate(dir, "good.yml", demo);
        CliRun r = validate(dir, "bad.yml", mistyped);

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

    @Test
    void validate_aPersonDetectorWithoutBoxesOrAFaceDetectorThatIsNotOne_areProblems(@TempDir Path dir)
            throws Exception {
        // given the demo gait pipeline on the fetched BlazePose models, once with the anomaly model as its person
        // detector and the pest detector as the face detector that blurs faces on the page
        Path mediapipe = MediaPipeTestModels.folderWith(MediaPipeModel.POSE_LANDMARK_FULL,
                MediaPipeModel.POSE_DETECTOR);
        String demo = demoConfig().replace(Repo.root().toAbsolutePath() + "/models/zoo/mediapipe/",
                mediapipe.toAbsolutePath() + "/");
        String wrong = demo.replace("  pest-detector:\n", "  part-anomaly:\n    path: " + Repo.root().toAbsolutePath()
                        + "/models/zoo/part-anomaly.onnx\n  pest-detector:\n")
                .replace("detector: pose-detector}", "detector: part-anomaly}")
                .replace("privacy: {showVideo: false}", "privacy: {showVideo: true, faceDetector: pest-detector}");
        assertThat(wrong).as("the edits applied").contains("detector: part-anomaly}")
                .contains("faceDetector: pest-detector");

        // when each is validated
        CliRun ok = validate(dir, "good.yml", demo);
        CliRun r = validate(dir, "bad.yml", wrong);
        CliRun f = validate(dir, "faces.yml", wrong.replace("detector: part-anomaly}", "detector: pose-detector}"));

        // then the pipeline's extra models are checked once they load, each problem naming the model and the fix
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("pipelines.walk1-gait.settings")
                .contains("pose.detector part-anomaly (decoder anomalib) gives no boxes");
        assertThat(f.code()).as(f.err()).isEqualTo(1);
        assertThat(f.err()).contains("pipelines.walk1-gait.settings")
                .contains("privacy.faceDetector pest-detector (decoder yolov8) is not a MediaPipe face detector")
                .contains("face_detection_short_range.tflite");
    }

    /** The demo configuration with its paths made absolute. */
    private static String demoConfig() throws Exception {
        return Files.readString(Repo.root().resolve("config/appliance.yml"))
                .replace("../", Repo.root().toAbsolutePath() + "/");
    }

    private static CliRun validate(Path dir, String name, String yaml) throws Exception {
        return CliRun.of("validate", "--config", Files.writeString(dir.resolve(name), yaml).toString());
    }
}
