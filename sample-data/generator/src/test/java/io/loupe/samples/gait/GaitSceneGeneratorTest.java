package io.loupe.samples.gait;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.samples.TestPaths;
import io.loupe.samples.Videos;
import io.loupe.samples.core.Box;
import io.loupe.samples.core.SceneRequest;
import io.loupe.samples.core.Seeds;
import io.loupe.samples.gait.truth.FrameKeypoints;
import io.loupe.samples.gait.truth.GaitTruthFiles;
import io.loupe.samples.gait.truth.TurnTruth;
import io.loupe.samples.gait.truth.WalkSet;
import io.loupe.samples.gait.truth.WalkTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GaitSceneGeneratorTest {

    /** The demo set: seed 7, four walks of 10 s. */
    static final long DEMO_SEED = 7;
    static final int DEMO_WALKS = 4;
    static final int DEMO_SECONDS = 10;

    @TempDir
    Path tmp;

    private static WalkTruth generate(Path out, WalkPlan walk, boolean yolo) throws IOException {
        new GaitSceneGenerator().generate(new SceneRequest(out, 1, (int) Math.ceil(walk.seconds()), yolo, 0, 1),
                List.of(walk));
        return GaitTruthFiles.readWalk(out.resolve(String.format("walks/%03d.json", walk.walk())));
    }

    private static WalkPlan walk(int score, Direction direction, double seconds, long seed) {
        GaitParams p = GaitPlanner.draw(score, direction, seconds, new SplittableRandom(seed));
        return new WalkPlan(1, seconds, p, score, seed);
    }

    @Test
    void generate_sameSeedTwice_givesByteIdenticalGroundTruth_andAnotherSeedDiffers() throws Exception {
        SceneRequest a = new SceneRequest(tmp.resolve("a"), 5, 2, false, 0, 1);
        SceneRequest b = new SceneRequest(tmp.resolve("b"), 5, 2, false, 0, 1);
        SceneRequest c = new SceneRequest(tmp.resolve("c"), 6, 2, false, 0, 1);
        for (SceneRequest r : List.of(a, b, c)) {
            new GaitSceneGenerator().generate(r);
        }
        for (String file : List.of("walks.json", "walks/001.json")) {
            assertArrayEquals(Files.readAllBytes(a.out().resolve(file)), Files.readAllBytes(b.out().resolve(file)), file);
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.out().resolve("walks/001.json")),
                Files.readAllBytes(c.out().resolve("walks/001.json"))));
        WalkSet set = GaitTruthFiles.readSet(a.out().resolve(GaitSceneGenerator.INDEX));
        assertEquals(Keypoints.names(), set.keypoints());
        assertEquals(List.of(0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15), set.flipIdx());
    }

    /** A normal-ish gait (score 1: step length 0.36 H) slow enough to cross a side walkway in 3 s without turning. */
    private static GaitParams straightSideGait(double armLeft, double armRight) {
        return new GaitParams(Direction.LEFT_TO_RIGHT, 1.7, 108, 0.36, 0.02, armLeft, armRight, 15, 4, 3, 0.11, 0.9,
                0.01, 0, List.of(), 1.8, 4, true);
    }

    @Test
    void sideWalk_decodesToTheFrameCount_keypointsInsideTheFrame_heelStrikesMatchCadence() throws Exception {
        // given a 3 s side walk, left to right, without turn or freeze
        GaitParams p = straightSideGait(32, 30);
        WalkTruth truth = generate(tmp, new WalkPlan(1, 3, p, 1, 31), false);
        assertTrue(truth.bout().turns().isEmpty() && truth.bout().freezing().isEmpty());
        // then the video decodes to 75 frames of 640x480 at 25 fps
        Videos.Info info = Videos.decode(tmp.resolve("walks/001.mp4"), (frame, index) -> { });
        assertEquals(new Videos.Info(75, 640, 480, 25.0), info);
        assertEquals(75, truth.frames().size());
        // and every keypoint and box lies in the frame, the far (left) side hidden, the near side visible
        Box frame = new Box(0, 0, 640, 480);
        for (FrameKeypoints f : truth.frames()) {
            assertTrue(frame.contains(f.box()) && f.box().height() > 80, f.box() + " in frame " + f.index());
            for (int k = 0; k < 17; k++) {
                assertTrue(f.v(k) > 0, "keypoint " + k + " should be in frame " + f.index());
                assertTrue(f.x(k) >= 0 && f.x(k) < 640 && f.y(k) >= 0 && f.y(k) < 480);
                assertTrue(f.box().grow(2).contains(new Box((int) f.x(k), (int) f.y(k), 1, 1)),
                        "keypoint " + k + " outside the person's box in frame " + f.index());
            }
            assertEquals(1, f.v(BodyPoint.LEFT_ANKLE.ordinal()), "far ankle, frame " + f.index());
            assertEquals(1, f.v(BodyPoint.LEFT_WRIST.ordinal()), "far wrist, frame " + f.index());
            assertEquals(2, f.v(BodyPoint.RIGHT_KNEE.ordinal()), "near knee, frame " + f.index());
            assertEquals(2, f.v(BodyPoint.NOSE.ordinal()), "nose seen side-on, frame " + f.index());
        }
        // and the heel strikes match cadence x duration within one step
        double expected = truth.bout().cadence() * 3 / 60;
        assertTrue(Math.abs(truth.heelStrikes().total() - expected) <= 1, truth.heelStrikes().total()
                + " heel strikes, cadence " + truth.bout().cadence());
        assertEquals(p.cadence(), truth.bout().cadence(), 0.08 * p.cadence());
        assertEquals(p.stepLength(), truth.bout().stepLength(), 0.08 * p.stepLength());
        assertEquals(1, truth.score());
        // and the walker moves left to right
        assertTrue(truth.frames().get(74).box().x() > truth.frames().get(0).box().x() + 100);
        // and the recorded metres per pixel at the walkway turn the hips' progression in the picture into the metres
        // walked (the hips pass over the walkway's centre line, about half a body height above the floor)
        double pixels = hipX(truth.frames().get(74)) - hipX(truth.frames().get(0));
        double metres = truth.bout().speed() * 74 / 25.0;
        assertEquals(metres, pixels * truth.video().walkwayMetresPerPixel(), 0.03 * metres,
                pixels + " px at " + truth.video().walkwayMetresPerPixel() + " m/px");
    }

    private static double hipX(FrameKeypoints f) {
        return (f.x(BodyPoint.LEFT_HIP.ordinal()) + f.x(BodyPoint.RIGHT_HIP.ordinal())) / 2;
    }

    @Test
    void asymmetricArmSwing_showsInTheRenderedWristAmplitudes() throws Exception {
        // given a side walk whose left arm swings 40° and right arm 8°
        GaitParams p = straightSideGait(40, 8);
        WalkTruth truth = generate(tmp, new WalkPlan(1, 3, p, GaitScoreRule.score(p, 3), 9), false);
        assertTrue(truth.bout().turns().isEmpty());
        // when the wrists' excursion along the walk, relative to their shoulders, is measured in the image
        double[] left = range(truth, BodyPoint.LEFT_WRIST, BodyPoint.LEFT_SHOULDER);
        double[] right = range(truth, BodyPoint.RIGHT_WRIST, BodyPoint.RIGHT_SHOULDER);
        // then the left wrist travels several times as far, and the ground truth says so
        assertTrue(left[1] - left[0] > 3 * (right[1] - right[0]), "left wrist " + (left[1] - left[0]) + " px, right "
                + (right[1] - right[0]) + " px");
        assertEquals(40, truth.bout().armSwingLeft(), 3);
        assertEquals(8, truth.bout().armSwingRight(), 2);
        assertEquals(0.8, truth.bout().armSwingAsymmetry(), 0.08);
        assertEquals(2, truth.score(), "an arm swinging less than 12° scores 2");
    }

    private static double[] range(WalkTruth truth, BodyPoint wrist, BodyPoint shoulder) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (FrameKeypoints f : truth.frames()) {
            double dx = f.x(wrist.ordinal()) - f.x(shoulder.ordinal());
            min = Math.min(min, dx);
            max = Math.max(max, dx);
        }
        return new double[] {min, max};
    }

    @Test
    void frontalWalk_scalesWithDepth_turnsWithThePlannedSteps_andHidesTheFaceWhenWalkingAway() throws Exception {
        WalkPlan plan = walk(0, Direction.AWAY_THEN_TOWARDS, 6, 12);
        WalkTruth truth = generate(tmp, plan, false);
        assertEquals(View.FRONTAL, truth.view());
        assertEquals(1, truth.bout().turns().size(), "one turn at the far end");
        TurnTruth turn = truth.bout().turns().get(0);
        assertEquals(plan.params().turnSteps(), turn.steps());
        assertEquals(plan.params().turnDuration(), turn.duration(), 1e-3);
        int tallest = truth.frames().stream().mapToInt(f -> f.box().height()).max().orElseThrow();
        int shortest = truth.frames().stream().mapToInt(f -> f.box().height()).min().orElseThrow();
        assertTrue(tallest > 1.6 * shortest, "the person should shrink with depth: " + shortest + ".." + tallest);
        // the recorded focal length is the camera's: the nearest the walker comes, by the pinhole relation, is where
        // the walkway begins (3.4 m from the camera)
        double nearest = truth.video().focalLengthPx() * truth.bodyHeight() / tallest;
        assertEquals(3.4, nearest, 0.4, "distance from focal length " + truth.video().focalLengthPx());
        assertEquals(0, truth.video().walkwayMetresPerPixel(), "no walkway scale in a frontal view");
        FrameKeypoints first = truth.frames().get(0);
        FrameKeypoints last = truth.frames().get(truth.frames().size() - 1);
        assertEquals(1, first.v(BodyPoint.NOSE.ordinal()), "walking away, the nose is hidden");
        assertEquals(2, first.v(BodyPoint.LEFT_EAR.ordinal()));
        assertEquals(GaitState.WALKING, last.state());
        assertEquals(2, last.v(BodyPoint.NOSE.ordinal()), "walking towards the camera, the nose is seen");
        for (FrameKeypoints f : truth.frames()) {
            for (int k = 0; k < 17; k++) {
                assertTrue(f.v(k) > 0, "keypoint " + k + " left the frame " + f.index());
            }
        }
    }

    @Test
    void freezingWalk_reportsItsEpisodesAndScoresThree() throws Exception {
        WalkPlan plan = walk(3, Direction.RIGHT_TO_LEFT, 4, 17);
        WalkTruth truth = generate(tmp, plan, false);
        assertEquals(3, truth.score());
        assertFalse(truth.bout().freezing().isEmpty());
        for (var freeze : truth.bout().freezing()) {
            for (int f = freeze.startFrame() + 1; f < freeze.endFrame(); f++) {
                assertEquals(GaitState.FREEZING, truth.frames().get(f).state(), "frame " + f);
            }
        }
        double frozen = truth.bout().freezing().stream().mapToDouble(f -> f.end() - f.start()).sum();
        double turning = truth.bout().turns().stream().mapToDouble(TurnTruth::duration).sum();
        assertTrue(frozen >= plan.params().freezeSeconds() - 1e-3, "frozen " + frozen + " s");
        assertTrue(truth.bout().walkingSeconds() <= 4 - frozen - turning + 1e-3, "walking " + truth.bout()
                .walkingSeconds() + " s");
    }

    @Test
    void yolo_writesPoseLabelsThatParse_andADataYamlWithKeypointShapeAndFlipIndex() throws Exception {
        WalkTruth truth = generate(tmp, walk(1, Direction.TOWARDS_THEN_AWAY, 3, 40), true);
        String yaml = Files.readString(tmp.resolve("yolo/data.yaml"));
        assertTrue(yaml.contains("kpt_shape: [17, 3]"), yaml);
        assertTrue(yaml.contains("flip_idx: [0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15]"), yaml);
        assertTrue(yaml.contains("0: person"), yaml);
        try (Stream<Path> images = Files.list(tmp.resolve("yolo/images"))) {
            assertEquals((truth.frames().size() + 1) / 2, images.count());
        }
        for (FrameKeypoints f : truth.frames()) {
            if (!PoseYoloExporter.takes(f.index())) {
                continue;
            }
            String name = String.format("w001_f%04d", f.index());
            assertTrue(Files.isRegularFile(tmp.resolve("yolo/images/" + name + ".jpg")));
            List<String> lines = Files.readAllLines(tmp.resolve("yolo/labels/" + name + ".txt"));
            assertEquals(1, lines.size());
            String[] v = lines.get(0).split(" ");
            assertEquals(5 + 17 * 3, v.length, lines.get(0));
            assertEquals("0", v[0]);
            for (int i = 1; i < v.length; i++) {
                double x = Double.parseDouble(v[i]);
                assertTrue(x >= 0 && x <= (i >= 5 && (i - 5) % 3 == 2 ? 2 : 1), lines.get(0));
            }
            for (int k = 0; k < 17; k++) {
                assertEquals(f.v(k), Integer.parseInt(v[5 + 3 * k + 2]));
                assertEquals(f.x(k) / 640, Double.parseDouble(v[5 + 3 * k]), 1e-3);
            }
        }
    }

    @Test
    void committedDemoSet_firstWalkIsWhatTheGeneratorMakesFromSeed7() throws Exception {
        Path committed = TestPaths.require(TestPaths.demoSet("gait").resolve("walks/001.json"),
                "the committed gait demo set");
        List<WalkPlan> plans = GaitPlanner.plan(DEMO_WALKS, DEMO_SECONDS, Seeds.random(DEMO_SEED, "gait/walks"));
        new GaitSceneGenerator().generate(new SceneRequest(tmp, DEMO_SEED, DEMO_SECONDS, false, 0, DEMO_WALKS),
                plans.subList(0, 1));
        assertEquals(Files.readString(committed), Files.readString(tmp.resolve("walks/001.json")),
                "sample-data/gait/walks/001.json is stale: regenerate it with the command in its README.md");
        WalkSet set = GaitTruthFiles.readSet(TestPaths.require(TestPaths.demoSet("gait").resolve("walks.json"),
                "the committed gait index"));
        assertEquals(DEMO_WALKS, set.walks().size());
        for (int i = 0; i < DEMO_WALKS; i++) {
            assertEquals(plans.get(i).score(), set.walks().get(i).score());
            assertNotNull(TestPaths.require(TestPaths.demoSet("gait").resolve(set.walks().get(i).video()),
                    "the committed walk video"));
        }
    }
}
