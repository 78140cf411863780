package io.loupe.pipelines.gait;

import io.loupe.pipelines.gait.analysis.AnalysisSettings;
import io.loupe.pipelines.gait.analysis.BoutAnalysis;
import io.loupe.pipelines.gait.analysis.GaitAnalyzer;
import io.loupe.pipelines.gait.analysis.GaitParameters;
import io.loupe.pipelines.gait.analysis.GaitScore;
import io.loupe.pipelines.gait.analysis.GaitScoreRules;
import io.loupe.pipelines.gait.analysis.HeelStrike;
import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.analysis.KeypointSeries;
import io.loupe.samples.gait.Direction;
import io.loupe.samples.gait.GaitParams;
import io.loupe.samples.gait.GaitPlanner;
import io.loupe.samples.gait.GaitScoreRule;
import io.loupe.samples.gait.WalkPlan;
import io.loupe.samples.gait.truth.FreezeTruth;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walks that a pose model on video made hard (measured with MediaPipe on a held-out generated set): freezing
 * with the far leg guessed, frontal walks away from the camera that the model reads mirrored, and the far arm hidden
 * behind the body in a side view. Each is made here from the generator's keypoints
 * ({@link SyntheticWalks}, pose-model-like noise), with the pose model's behaviour put in where it matters.
 */
class GaitHardWalksTest {
    private static final double NOISE_BH = GaitAccuracyTest.NOISE_BH;
    private static final double DROPOUT = GaitAccuracyTest.DROPOUT;
    /** Left/right pairs of the COCO keypoints. */
    private static final int[][] PAIRS = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}, {11, 12}, {13, 14}, {15, 16}};
    /** The frames in which BlazePose named the ankles the wrong way round on a held-out side walk (seed 2203, 11). */
    private static final Set<Integer> BLAZEPOSE_LEG_SWAPS = Set.of(14, 29, 30, 40, 42, 49, 50, 70, 71, 72, 73, 74, 75,
            76, 77, 84, 85, 86, 87, 88, 89, 90, 91, 124, 126, 153, 154, 162, 178, 180, 184, 185, 186, 187, 188, 189);

    /** {@code count} walks of {@code score} starting {@code direction}, with their own seeds. */
    private static List<SyntheticWalks.Walk> walks(int score, Direction direction, double seconds, int count,
                                                   long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<SyntheticWalks.Walk> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            GaitParams p = GaitPlanner.draw(score, direction, seconds, rng);
            WalkPlan plan = new WalkPlan(i, seconds, p, GaitScoreRule.score(p, seconds), rng.nextLong());
            out.add(SyntheticWalks.walk(plan, NOISE_BH, DROPOUT, seed));
        }
        return out;
    }

    private static BoutAnalysis analyse(SyntheticWalks.Walk w, KeypointSeries series) {
        return new GaitAnalyzer(AnalysisSettings.defaults().withFocalLengthPx(w.focalPx())).analyze(series);
    }

    @Test
    void freezingWalks_sideViewFarLegGuessed_noHeelStrikeWhileFrozen_cadenceWithin5PercentOfTruth() {
        // given side-view walks with one or two freezing episodes (the walker trembles in place), whose far leg the
        // pose model guesses 40 % of the way towards the near leg (BlazePose does: its far ankle then copies the near
        // foot's strikes, which made "steps" 0.16 s long and a cadence of 375/min on a held-out walk)
        List<String> report = new ArrayList<>();
        int measured = 0;
        for (SyntheticWalks.Walk w : walks(3, Direction.LEFT_TO_RIGHT, 10, 8, 41)) {
            // when
            BoutAnalysis a = analyse(w, farLegGuessed(w.series(), 0.4));
            GaitParameters p = a.parameters();

            // then no heel strike is counted while the feet stand frozen
            for (HeelStrike h : a.heelStrikes()) {
                for (FreezeTruth f : w.truth().freezing()) {
                    assertThat(h.time() > f.start() && h.time() < f.end()).as("heel strike at %.2f s inside the"
                            + " freeze %.2f-%.2f s of walk %d", h.time(), f.start(), f.end(), w.plan().walk())
                            .isFalse();
                }
            }
            assertThat(p.freezing()).as("freezing found in walk %d", w.plan().walk()).isNotEmpty();
            // and the cadence is steps per minute of walking, as the truth counts it (no step across a freeze)
            if (w.truth().straightSteps() >= 4) {
                measured++;
                assertThat(p.cadenceSpm()).as("cadence of walk %d", w.plan().walk()).isNotNull();
                double error = p.cadenceSpm() / w.truth().cadence() - 1;
                report.add(String.format(Locale.ROOT, "%+.1f%%", 100 * error));
                assertThat(Math.abs(error)).as("cadence error of walk %d: %.1f vs %.1f", w.plan().walk(),
                        p.cadenceSpm(), w.truth().cadence()).isLessThan(0.05);
                assertThat(p.walkingS()).isLessThan(w.plan().seconds() - p.freezingS() + 0.01);
            }
        }
        System.out.println("Cadence errors of side walks with freezing: " + report);
        assertThat(measured).isGreaterThanOrEqualTo(4);
    }

    @Test
    void frontalWalks_backViewReadMirroredAndFlickering_cadenceWithin5PercentFromBothDirections() {
        // given frontal walks (away, turn, towards) whose back view the pose model reads as a front view: left and
        // right swapped while the walker's back is to the camera, flipping back in every third such frame
        List<String> report = new ArrayList<>();
        for (SyntheticWalks.Walk w : walks(0, Direction.AWAY_THEN_TOWARDS, 10, 4, 42)) {
            KeypointSeries mirrored = w.series().copy();
            int back = 0;
            for (int i = 0; i < mirrored.size(); i++) {
                if (mirrored.score(Joints.NOSE, i) == 0.5f && back++ % 3 != 2) {
                    mirrored = swapped(mirrored, i);
                }
            }
            assertThat(back).as("frames with the back to the camera").isGreaterThan(40);

            // when
            BoutAnalysis a = analyse(w, mirrored);
            GaitParameters p = a.parameters();

            // then the heel strikes come from both directions and the cadence is right
            double away = a.heelStrikes().stream().filter(h -> h.time() < w.truth().turns().get(0).start())
                    .count();
            double towards = a.heelStrikes().stream().filter(h -> h.time() > w.truth().turns().get(0).end())
                    .count();
            assertThat(away).as("heel strikes walking away in walk %d", w.plan().walk()).isGreaterThanOrEqualTo(3);
            assertThat(towards).as("heel strikes walking towards in walk %d", w.plan().walk())
                    .isGreaterThanOrEqualTo(3);
            double error = p.cadenceSpm() / w.truth().cadence() - 1;
            report.add(String.format(Locale.ROOT, "%+.1f%%", 100 * error));
            assertThat(Math.abs(error)).as("cadence error of walk %d: %.1f vs %.1f", w.plan().walk(),
                    p.cadenceSpm(), w.truth().cadence()).isLessThan(0.05);
        }
        System.out.println("Cadence errors of mirrored frontal walks: " + report);
    }

    @Test
    void sideWalks_legLabelsSwappedInRunsAsBlazePoseDid_strideNotDoubled_cadenceAsWalked() {
        // given side walks with a turn, whose legs the pose model names the wrong way round in the frames where
        // BlazePose did so on a held-out generated walk (single frames and runs of up to 8, mostly as the legs
        // cross): there each foot's rhythm came out twice the stride, and the cadence went missing
        List<String> report = new ArrayList<>();
        for (SyntheticWalks.Walk w : walks(0, Direction.RIGHT_TO_LEFT, 8, 6, 45)) {
            KeypointSeries s = legsSwapped(w.series(), BLAZEPOSE_LEG_SWAPS);

            // when
            GaitParameters p = analyse(w, s).parameters();

            // then the stride period is found from the leading foot whichever its name: the cadence is the one the
            // walk measures with its legs named right (before: half of it on walk 2, its stride period doubled)
            double asWalked = analyse(w, w.series()).parameters().cadenceSpm();
            assertThat(p.cadenceSpm()).as("cadence of walk %d", w.plan().walk()).isNotNull();
            double change = p.cadenceSpm() / asWalked - 1;
            report.add(String.format(Locale.ROOT, "%+.1f%%", 100 * change));
            assertThat(Math.abs(change)).as("cadence of walk %d: %.1f, as walked %.1f", w.plan().walk(),
                    p.cadenceSpm(), asWalked).isLessThan(0.05);
        }
        System.out.println("Cadence of side walks with the legs' names swapped, against as walked: " + report);
    }

    @Test
    void sideWalk_farArmHiddenAndGuessed_notMeasuredWithReason_seenArmScores() {
        // given normal side walks whose far arm the pose model does not see: its elbow scored 0.1 and guessed at
        // half the true swing, pulled towards the body (as BlazePose does)
        for (SyntheticWalks.Walk w : walks(0, Direction.LEFT_TO_RIGHT, 6, 3, 44)) {
            KeypointSeries s = w.series().copy();
            int far = -1;
            for (int i = 0; i < s.size() && far < 0; i++) {
                far = s.score(Joints.LEFT_ELBOW, i) == 0.5f ? Joints.LEFT_ELBOW
                        : s.score(Joints.RIGHT_ELBOW, i) == 0.5f ? Joints.RIGHT_ELBOW : -1;
            }
            assertThat(far).as("a hidden elbow in walk %d", w.plan().walk()).isPositive();
            s = hiddenArm(s, far);

            // when
            BoutAnalysis a = analyse(w, s);
            GaitParameters p = a.parameters();
            GaitScore score = new GaitScoreRules(0.03).score(p, a.lowerBody());

            // then the far arm is not measured, with the reason; the seen arm is, within 4 deg of the truth
            boolean leftFar = far == Joints.LEFT_ELBOW;
            Double farSwing = leftFar ? p.armSwingLeftDeg() : p.armSwingRightDeg();
            Double seenSwing = leftFar ? p.armSwingRightDeg() : p.armSwingLeftDeg();
            double seenTruth = leftFar ? w.truth().armSwingRight() : w.truth().armSwingLeft();
            assertThat(farSwing).as("far arm of walk %d", w.plan().walk()).isNull();
            String name = leftFar ? "arm_swing_left_deg" : "arm_swing_right_deg";
            assertThat(p.missing()).filteredOn(m -> m.name().equals(name)).singleElement()
                    .satisfies(m -> assertThat(m.reason()).contains("hidden").contains("far arm"));
            assertThat(seenSwing).as("seen arm of walk %d", w.plan().walk()).isNotNull();
            assertThat(Math.abs(seenSwing - seenTruth)).as("seen arm of walk %d: %.1f vs %.1f", w.plan().walk(),
                    seenSwing, seenTruth).isLessThan(4.0);
            // and the score uses the seen arm alone: a normal walk stays normal
            assertThat(p.minArmSwingDeg()).isEqualTo(seenSwing);
            assertThat(p.armSwingAsymmetry()).isNull();
            assertThat(score.score()).as("score of walk %d", w.plan().walk()).isZero();
        }
    }

    @Test
    void hipsPlacedLow_sideViewStepLengthInBodyHeights_unchanged() {
        // given side-view walks, and the same walks as a pose model reads them that puts the hip keypoints 15 % of the
        // thigh below the hip joints (BlazePose does on the rendered walkers: thigh 7-12 % short, trunk 1-7 % long)
        List<String> report = new ArrayList<>();
        for (SyntheticWalks.Walk w : walks(0, Direction.LEFT_TO_RIGHT, 8, 4, 43)) {
            // when
            Double asWalked = analyse(w, w.series()).parameters().stepLengthBh();
            Double hipsLow = analyse(w, hipsLowered(w.series(), 0.15)).parameters().stepLengthBh();

            // then the step length in body heights does not move with the hips (by the legs alone it read 8 % long)
            assertThat(asWalked).as("walk %d", w.plan().walk()).isNotNull();
            assertThat(hipsLow).as("walk %d", w.plan().walk()).isNotNull();
            report.add(String.format(Locale.ROOT, "%+.1f%%", 100 * (hipsLow / asWalked - 1)));
            assertThat(Math.abs(hipsLow / asWalked - 1)).as("step length of walk %d: %.3f with the hips low, %.3f"
                    + " as walked", w.plan().walk(), hipsLow, asWalked).isLessThan(0.02);
        }
        System.out.println("Step length with the hips placed low, against as walked: " + report);
    }

    /** The series with sample {@code i}'s left and right keypoints swapped. */
    private static KeypointSeries swapped(KeypointSeries s, int i) {
        return SyntheticWalks.edited(s, (n, x, y, c) -> {
            if (n == i) {
                for (int[] p : PAIRS) {
                    swap(x, p);
                    swap(y, p);
                    swap(c, p);
                }
            }
        });
    }

    private static void swap(float[] v, int[] p) {
        float t = v[p[0]];
        v[p[0]] = v[p[1]];
        v[p[1]] = t;
    }

    /**
     * The series with the far (hidden: scored 0.5) knee and ankle moved {@code pull} of the way towards the near one's
     * and scored 0.3.
     */
    private static KeypointSeries farLegGuessed(KeypointSeries s, double pull) {
        int[][] legs = {{Joints.LEFT_KNEE, Joints.RIGHT_KNEE}, {Joints.LEFT_ANKLE, Joints.RIGHT_ANKLE}};
        return SyntheticWalks.edited(s, (n, x, y, c) -> {
            for (int[] p : legs) {
                int far = c[p[0]] == 0.5f ? p[0] : c[p[1]] == 0.5f ? p[1] : -1;
                int near = far == p[0] ? p[1] : p[0];
                if (far >= 0 && !Float.isNaN(x[far]) && !Float.isNaN(x[near])) {
                    x[far] += (float) (pull * (x[near] - x[far]));
                    y[far] += (float) (pull * (y[near] - y[far]));
                    c[far] = 0.3f;
                }
            }
        });
    }

    /** The series with the knees, ankles, heels and toes swapped left for right in the samples {@code at}. */
    private static KeypointSeries legsSwapped(KeypointSeries s, Set<Integer> at) {
        int[][] legs = {{Joints.LEFT_KNEE, Joints.RIGHT_KNEE}, {Joints.LEFT_ANKLE, Joints.RIGHT_ANKLE},
            {Joints.LEFT_HEEL, Joints.RIGHT_HEEL}, {Joints.LEFT_TOE, Joints.RIGHT_TOE}};
        return SyntheticWalks.edited(s, (n, x, y, c) -> {
            if (at.contains(n)) {
                for (int[] p : legs) {
                    swap(x, p);
                    swap(y, p);
                    swap(c, p);
                }
            }
        });
    }

    /** The series with each hip keypoint moved {@code share} of the way to its knee. */
    private static KeypointSeries hipsLowered(KeypointSeries s, double share) {
        int[][] thighs = {{Joints.LEFT_HIP, Joints.LEFT_KNEE}, {Joints.RIGHT_HIP, Joints.RIGHT_KNEE}};
        return SyntheticWalks.edited(s, (n, x, y, c) -> {
            for (int[] t : thighs) {
                if (!Float.isNaN(x[t[0]]) && !Float.isNaN(x[t[1]])) {
                    x[t[0]] += (float) (share * (x[t[1]] - x[t[0]]));
                    y[t[0]] += (float) (share * (y[t[1]] - y[t[0]]));
                }
            }
        });
    }

    /** The series with {@code elbow} scored 0.1 and swung half as far from its shoulder's vertical. */
    private static KeypointSeries hiddenArm(KeypointSeries s, int elbow) {
        int shoulder = elbow == Joints.LEFT_ELBOW ? Joints.LEFT_SHOULDER : Joints.RIGHT_SHOULDER;
        return SyntheticWalks.edited(s, (n, x, y, c) -> {
            if (!Float.isNaN(x[elbow]) && !Float.isNaN(x[shoulder])) {
                double dx = x[elbow] - x[shoulder];
                double dy = y[elbow] - y[shoulder];
                double length = Math.hypot(dx, dy);
                double angle = Math.atan2(dx, dy) / 2;
                x[elbow] = (float) (x[shoulder] + length * Math.sin(angle));
                y[elbow] = (float) (y[shoulder] + length * Math.cos(angle));
                c[elbow] = 0.1f;
            }
        });
    }
}
