package io.loupe.pipelines.gait;

import io.loupe.models.Model;
import io.loupe.pipelines.ModelCatalog;
import io.loupe.pipelines.PipelineContext;
import io.loupe.pipelines.PipelineRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each bad setting fails at construction (config load) with the setting, the value and the fix. */
class GaitSettingsTest {

    private static void fails(Executable make, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
        for (String part : parts) {
            assertThat(e.getMessage()).contains(part);
        }
    }

    @Test
    void defaults_arePrivateAndValid() {
        GaitSettings s = GaitSettings.defaults();
        assertThat(s.privacy().showVideo()).isFalse();
        assertThat(s.privacy().storeKeypoints()).isFalse();
        assertThat(s.pose().poseKind()).isEqualTo(PoseKind.YOLO_POSE);
        assertThat(s.view()).isEqualTo(ViewSetting.AUTO);
        assertThat(s.session()).isEqualTo("default");
        assertThat(new GaitSettings(null, null, null, null, null, null, null)).isEqualTo(s);
    }

    @Test
    void registry_knowsTheGaitType() {
        assertThat(PipelineRegistry.withDefaults().factory("gait")).isInstanceOf(GaitPipelineFactory.class);
        assertThat(new GaitPipelineFactory().settingsType()).isEqualTo(GaitSettings.class);
    }

    @Test
    void pose_unknownKind_namesTheValueAndTheKinds() {
        fails(() -> new PoseSettings("openpose", null, 0.3, 0.4), "pose.kind", "'openpose'", "yolo-pose",
                "mediapipe");
    }

    @Test
    void pose_mediapipeWithoutDetector_saysWhatToSet() {
        fails(() -> new PoseSettings("mediapipe", null, 0.3, 0.4), "pose.detector", "person detector");
    }

    @Test
    void pose_scoresOutOfRange_areRefused() {
        fails(() -> new PoseSettings("yolo-pose", null, 1.5, 0.4), "pose.minKeypointScore", "1.5");
        fails(() -> new PoseSettings("yolo-pose", null, 0.3, -0.1), "pose.minPersonScore", "-0.1");
    }

    @Test
    void smoothing_tooLong_isRefused() {
        fails(() -> new SmoothingSettings(Duration.ofSeconds(2), null), "smoothing.window", "2000 ms");
        fails(() -> new SmoothingSettings(null, Duration.ofSeconds(5)), "smoothing.maxGap", "5000 ms",
                "invent motion");
    }

    @Test
    void bouts_badRules_areRefused() {
        BoutSettings d = BoutSettings.defaults();
        fails(() -> new BoutSettings(1, null, null, null, 0.025, null, 0.03), "bouts.minSteps", "got 1");
        fails(() -> new BoutSettings(4, Duration.ofMillis(500), null, null, 0.025, Duration.ofSeconds(1), 0.03),
                "bouts.stopAfter", "500 ms", "bouts.minFreeze");
        fails(() -> new BoutSettings(4, null, Duration.ZERO, null, 0.025, null, 0.03), "bouts.lostAfter");
        fails(() -> new BoutSettings(4, null, null, Duration.ofSeconds(1), 0.025, null, 0.03), "bouts.maxLength");
        fails(() -> new BoutSettings(4, null, null, null, 0.5, null, 0.03), "bouts.stillBh", "0.5");
        fails(() -> new BoutSettings(4, null, null, null, 0.025, null, 0), "bouts.shufflingLiftBh");
        assertThat(d.minSteps()).isEqualTo(4);
    }

    @Test
    void calibration_badValues_areRefused() {
        fails(() -> new CalibrationSettings(-1, 0, 0), "calibration.metresPerPixel", "-1");
        fails(() -> new CalibrationSettings(0, 3.1, 0), "calibration.subjectHeightM", "3.1");
        fails(() -> new CalibrationSettings(0, 0, -5), "calibration.focalLengthPx", "-5");
    }

    @Test
    void privacy_badValues_areRefused() {
        fails(() -> new PrivacySettings(false, false, null, 0, true, ""), "privacy.retentionDays", "got 0", "personal data");
        fails(() -> new PrivacySettings(false, true, null, 30, true, ""), "privacy.storeKeypoints", "privacy.storeDir");
        fails(() -> new PrivacySettings(true, false, null, 30, true, ""), "privacy.showVideo is true",
                "privacy.faceDetector", "blurFaces: false");
    }

    @Test
    void session_pathOrName_isRefused() {
        fails(() -> new GaitSettings(null, null, null, null, null, null, "../x"), "session", "'../x'");
        fails(() -> new GaitSettings(null, null, null, null, null, null, "Jane Doe"), "'Jane Doe'", "pseudonym");
    }

    @Test
    void poseKindParse_acceptsTheConfigSpellings() {
        assertThat(PoseKind.parse("yolo-pose")).isEqualTo(PoseKind.YOLO_POSE);
        assertThat(PoseKind.parse("YOLO_POSE")).isEqualTo(PoseKind.YOLO_POSE);
        assertThat(PoseKind.parse("mediapipe")).isEqualTo(PoseKind.MEDIAPIPE);
    }

    @Test
    void factory_yoloPoseKindWithABlazePoseModel_namesTheModelAndTheFix() throws Exception {
        try (Model landmarks = GaitVideos.landmarksLite()) {
            assertThatThrownBy(() -> new GaitPipelineFactory().create(PipelineContext.of("gait", "cam"), landmarks,
                    GaitSettings.defaults()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pose-lite").hasMessageContaining("pose.kind: mediapipe");
        }
    }

    @Test
    void factory_mediapipeWithAnUnknownDetectorId_namesTheIdAndTheLoadedOnes() throws Exception {
        try (Model landmarks = GaitVideos.landmarksLite()) {
            GaitSettings s = GaitSettings.defaults().withPose(new PoseSettings("mediapipe", "people", 0.3, 0.4));
            PipelineContext context = new PipelineContext("gait", "cam", Clock.systemUTC(),
                    new io.loupe.pipelines.PhaseLatencies(), ModelCatalog.of(Map.of("pose-lite", landmarks)));
            assertThatThrownBy(() -> new GaitPipelineFactory().create(context, landmarks, s))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'people'").hasMessageContaining("settings.pose.detector")
                    .hasMessageContaining("pose-lite");
        }
    }

    @Test
    void factory_mediapipeWithTheBlazePoseDetector_buildsAPipelineWithoutVideoOrStorage(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (Model detector = GaitVideos.blazePoseDetector();
             Model landmarks = GaitVideos.landmarksLite()) {
            GaitSettings s = GaitSettings.defaults().withPose(new PoseSettings("mediapipe", "pose-detector", 0.3,
                    0.4));
            PipelineContext context = new PipelineContext("gait", "cam", Clock.systemUTC(),
                    new io.loupe.pipelines.PhaseLatencies(), ModelCatalog.of(Map.of("pose-detector", detector)));
            try (GaitPipeline p = new GaitPipelineFactory().create(context, landmarks, s)) {
                assertThat(p.chain().ids()).containsExactly("gait/bouts@v1");
                assertThat(p.showVideo()).isFalse();
                assertThat(p.store()).isEmpty();
                assertThat(p.poseSource()).contains("pose-detector").contains("pose-lite");
            }
        }
    }

    @Test
    void factory_yoloPoseExport_runsPerFrame_zeroScoreExportGivesNoWalkerWithoutError() throws Exception {
        // given the real YOLO11n-pose INT8 export whose scores are all zero (the only YOLO-pose file in testdata)
        Path file = io.loupe.pipelines.TestData.shared("pose/yolo11n_pose_int8qdq_640_BROKEN_SCORES.onnx");
        Path image = io.loupe.pipelines.TestData.shared("pose/coco8-pose/images/train/000000000036.jpg");
        try (Model model = Model.load(io.loupe.models.ModelSpec.of("yolo-pose", file)
                .withProvider(io.loupe.models.Provider.CPU).withIntraOpThreads(1));
             GaitPipeline p = new GaitPipelineFactory().create(PipelineContext.of("gait", "cam"), model,
                     GaitSettings.defaults());
             org.bytedeco.opencv.opencv_core.Mat picture = org.bytedeco.opencv.global.opencv_imgcodecs.imread(
                     image.toString())) {
            // when a frame goes through
            var results = p.accept(picture, new io.loupe.pipelines.FrameRef("cam", 0, 0,
                    java.time.Instant.EPOCH, picture.cols(), picture.rows()));

            // then the YOLO-pose path ran and, with no person scored, found no walker
            assertThat(p.poseSource()).isEqualTo("yolo-pose yolo-pose");
            assertThat(results).isEmpty();
            assertThat(p.skeleton()).isEmpty();
        }
    }

    @Test
    void factory_mediapipeKindWithAYoloPoseModel_namesTheModelAndTheFix() throws Exception {
        Path file = io.loupe.pipelines.TestData.shared("pose/yolo11n_pose_int8qdq_640_BROKEN_SCORES.onnx");
        try (Model model = Model.load(io.loupe.models.ModelSpec.of("yolo-pose", file)
                .withProvider(io.loupe.models.Provider.CPU).withIntraOpThreads(1))) {
            GaitSettings s = GaitSettings.defaults().withPose(new PoseSettings("mediapipe", "x", 0.3, 0.4));
            assertThatThrownBy(() -> new GaitPipelineFactory().create(PipelineContext.of("gait", "cam"), model, s))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yolo-pose")
                    .hasMessageContaining("pose.kind: yolo-pose");
        }
    }
}
