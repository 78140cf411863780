package io.loupe.pipelines.gait;

import io.loupe.models.Model;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

/**
 * The pipeline with MediaPipe top-down pose (BlazePose full, the appliance's landmark model) on the real clips of
 * {@code ../shared/testdata/video-gait}, decoded with FFmpeg: the sagittal walker (in view up to about frame 134 of
 * 145) and the legs-only treadmill subject. The clips have no keypoint truth; their cadence and the sagittal walk's step
 * length were counted by hand from the frames (below) and are reported against the pipeline's, never tuned to.
 */
class GaitRealVideoTest {
    private static final String SAGITTAL = "video-gait/walk_sagittal_640x352.mp4";
    private static final String TREADMILL = "video-gait/treadmill_legs_480x360.mp4";
    /**
     * The sagittal walk's cadence counted by hand from its frames: heel strikes (the heel's first contact with the
     * floor, ±1 frame) at frames 26, 48, 70, 89 and 109 at 29.76 fps, four steps; the next one lands past the frame's
     * edge. A reference for the report, about ±2.4 % from the frames' rounding.
     */
    private static final double HAND_CADENCE_SPM = 60 * 4 / ((109 - 26) / 29.758);
    /**
     * Its step length measured by hand: heel to heel at those heel strikes, 83, 96, 96 and 99 pixels, each over the
     * walker's height in the picture at its two strikes, hair to the lower sole (±1.5 pixels): 239, 242.5, 244, 250
     * and 254.5 pixels at frames 26, 48, 70, 89 and 109 (he draws nearer the camera as he crosses; 241 in frame 5):
     * 0.380 H. The pelvis belt's progression over the same steps: 0.37 H of the 241 pixels of frame 5, about 0.363 H of
     * the heights at the strikes.
     */
    private static final double HAND_STEP_BH = (83 / ((239 + 242.5) / 2) + 96 / ((242.5 + 244) / 2)
            + 96 / ((244 + 250.0) / 2) + 99 / ((250 + 254.5) / 2)) / 4;
    /**
     * The treadmill clip's cadence counted by hand: the left foot pushes off (lowest in the rear view's picture, heel
     * rising) about frames 2.5 and 352.5 (±2), twelve strides apart at 29.97 fps.
     */
    private static final double TREADMILL_HAND_CADENCE_SPM = 60 * 24 / (350 / 29.97);
    private static Model detector;
    private static Model landmarks;

    @BeforeAll
    static void load() throws Exception {
        TestData.shared(SAGITTAL);
        detector = GaitVideos.blazePoseDetector();
        landmarks = GaitVideos.landmarksFull();
    }

    @AfterAll
    static void close() {
        if (landmarks != null) {
            landmarks.close();
        }
        if (detector != null) {
            detector.close();
        }
    }

    @Test
    void sagittalWalk_walkerTrackedThroughTheClip_oneSideViewBoutWithUpperBodyParameters() throws Exception {
        try (GaitPipeline p = GaitVideos.create(landmarks, detector, GaitVideos.mediapipe("pose-detector"))) {
            // when the clip plays to its end
            GaitVideo.Played played = GaitVideo.play(p, TestData.shared(SAGITTAL), 1);

            // then one walker, with one id, in nearly every frame while he is in view
            assertThat(played.trackIds()).containsExactly("T1");
            assertThat(played.withWalker()).isGreaterThanOrEqualTo(125);
            assertThat(played.lastWalkerFrame()).isBetween(128, 140);
            // and one bout, seen from the side, with cadence, step length and the upper body's parameters
            List<GaitResult> results = played.results().stream().filter(GaitResult.class::isInstance)
                    .map(GaitResult.class::cast).toList();
            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.view()).isEqualTo(io.loupe.pipelines.gait.analysis.View.SIDE);
                // within 10 % of the hand count (a report, not a target the analysis was tuned to)
                assertThat(r.parameters().cadenceSpm()).isCloseTo(HAND_CADENCE_SPM, withinPercentage(10));
                assertThat(r.parameters().stepLengthBh()).isCloseTo(HAND_STEP_BH, withinPercentage(10));
                // the near arm is measured; the far one only where the pose model saw it, else null with the reason
                assertThat(r.parameters().minArmSwingDeg()).isNotNull();
                for (String arm : List.of("arm_swing_left_deg", "arm_swing_right_deg")) {
                    r.parameters().missing().stream().filter(m -> m.name().equals(arm)).forEach(m ->
                            assertThat(m.reason()).contains("hidden"));
                }
                assertThat(r.parameters().trunkFlexionDeg()).isNotNull();
                assertThat(r.upperBody()).isGreaterThan(0.9);
                assertThat(r.score().score()).isNotNull();
                System.out.printf("Sagittal clip: walker in %d of %d frames (last %d), %s, %.1f s, cadence %.1f/min"
                                + " (by hand %.1f), step %.3f H (by hand %.3f), arm swing %s/%s deg, trunk %.1f deg,"
                                + " score %s (confidence %.2f, drivers %s)%n", played.withWalker(), played.frames(),
                        played.lastWalkerFrame(), r.end(), r.durationS(), r.parameters().cadenceSpm(),
                        HAND_CADENCE_SPM, r.parameters().stepLengthBh(), HAND_STEP_BH,
                        r.parameters().armSwingLeftDeg(), r.parameters().armSwingRightDeg(),
                        r.parameters().trunkFlexionDeg(), r.score().score(), r.score().confidence(),
                        r.score().drivers().stream().map(d -> d.rule()).toList());
            });
        }
    }

    @Test
    void sagittalWalk_walkerLeavesTheView_boutEndsCleanlyWhenHeIsGone() throws Exception {
        // given a pipeline that ends a bout after 0.3 s without the walker
        GaitSettings s = GaitVideos.mediapipe("pose-detector").withBouts(new BoutSettings(4, Duration.ofSeconds(4),
                Duration.ofMillis(300), Duration.ofMinutes(2), 0.025, Duration.ofSeconds(1), 0.03));
        try (GaitPipeline p = GaitVideos.create(landmarks, detector, s)) {
            // when the clip plays (the walker leaves on the right about 0.35 s before its end)
            GaitVideo.Played played = GaitVideo.play(p, TestData.shared(SAGITTAL), 1);

            // then the bout ended because he left, before the stream ended, at his last frame
            GaitResult r = played.results().stream().filter(GaitResult.class::isInstance)
                    .map(GaitResult.class::cast).findFirst().orElseThrow();
            assertThat(r.end()).isEqualTo(BoutEnd.LEFT_VIEW);
            assertThat(r.frame().present()).isTrue();
            double lastSeen = played.lastWalkerFrame() / 29.97;
            double endS = Duration.between(java.time.Instant.parse("2026-11-27T09:00:00Z"), r.endedAt()).toNanos()
                    / 1e9;
            assertThat(endS).isCloseTo(lastSeen, org.assertj.core.data.Offset.offset(0.1));
            assertThat(played.results().stream().filter(GaitResult.class::isInstance)).hasSize(1);
            assertThat(played.results().stream().filter(x -> x instanceof io.loupe.pipelines.PipelineAlert a
                    && a.type() == io.loupe.pipelines.PipelineAlert.Type.END)).hasSize(1);
        }
    }

    @Test
    void treadmillLegsOnly_degradesGracefully_upperBodyParametersMissingNotInvented(@TempDir Path dir)
            throws Exception {
        // given a person detector for boxes (the BlazePose detector needs a face) and the landmark model
        try (Model people = GaitVideos.lightPersonDetector(dir);
             GaitPipeline p = GaitVideos.create(landmarks, people, GaitVideos.mediapipe("people"))) {
            // when the legs-only clip plays
            GaitVideo.Played played = GaitVideo.play(p, TestData.shared(TREADMILL), 1);

            // then the subject is followed as a partial body ...
            assertThat(played.withWalker()).isGreaterThan(played.frames() / 2);
            List<PipelineResult> results = played.results();
            GaitResult r = results.stream().filter(GaitResult.class::isInstance).map(GaitResult.class::cast)
                    .findFirst().orElseThrow();
            assertThat(r.partialFrames()).isGreaterThan(0.5);
            assertThat(r.partialNote()).contains("not seen");
            // ... whose upper-body parameters are missing with the reason, never invented
            assertThat(r.upperBody()).isLessThan(0.1);
            assertThat(r.parameters().armSwingLeftDeg()).isNull();
            assertThat(r.parameters().armSwingRightDeg()).isNull();
            assertThat(r.parameters().armSwingAsymmetry()).isNull();
            assertThat(r.parameters().trunkFlexionDeg()).isNull();
            for (String name : List.of("arm_swing_left_deg", "arm_swing_right_deg", "trunk_flexion_deg")) {
                assertThat(r.parameters().missing()).filteredOn(m -> m.name().equals(name)).singleElement()
                        .satisfies(m -> assertThat(m.reason()).contains("upper body").contains("partial body"));
            }
            // and the score does not use them
            assertThat(r.score().unscored()).contains("min_arm_swing_deg", "trunk_flexion_deg");
            // the legs' rhythm is still timed: within 10 % of the hand count (a report, not tuned to)
            assertThat(r.parameters().cadenceSpm()).isCloseTo(TREADMILL_HAND_CADENCE_SPM, withinPercentage(10));
            System.out.printf("Treadmill clip: walker in %d of %d frames, partial in %.0f %%, cadence %.1f/min (by hand"
                            + " %.1f), step %s H, score %s (confidence %.2f, unscored %s)%n", played.withWalker(),
                    played.frames(), 100 * r.partialFrames(), r.parameters().cadenceSpm(), TREADMILL_HAND_CADENCE_SPM,
                    r.parameters().stepLengthBh(), r.score().score(), r.score().confidence(), r.score().unscored());
        } finally {
            // the link to ../shared/testdata, not its target
            java.nio.file.Files.deleteIfExists(dir.resolve("light_person_detector_192.onnx"));
        }
    }
}
