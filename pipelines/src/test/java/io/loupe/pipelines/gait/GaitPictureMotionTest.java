package io.loupe.pipelines.gait;

import io.loupe.pipelines.gait.analysis.AnalysisSettings;
import io.loupe.pipelines.gait.analysis.GaitAnalyzer;
import io.loupe.pipelines.gait.analysis.KeypointSeries;
import io.loupe.samples.core.Seeds;
import io.loupe.samples.gait.GaitPlanner;
import io.loupe.samples.gait.View;
import io.loupe.samples.gait.WalkPlan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks whose keypoints jitter about as much as a shuffling walker's feet move: the cadence from the keypoints alone
 * against the cadence with the feet's motion in the picture as well ({@link FootMotion}, stood in for by
 * {@link SyntheticWalks}), on the very same keypoints. Frontal walks of scores 0-3 with keypoints jittering 2 % of body
 * height (four times {@link GaitAccuracyTest}'s); side-view shufflers (score 4, steps of 5-9 % of body height) with
 * 1 %, three times that on the far side. And frontal walks whose feet the picture shows without their steps.
 */
class GaitPictureMotionTest {
    private static final double NOISE_BH = 0.02;
    private static final double SIDE_NOISE_BH = 0.01;

    @Test
    void frontalCadence_anklesJitteringAsMuchAsTheFeetMove_isTimedByTheFeetsMotionInThePicture() {
        // given frontal walks of scores 0-3 from the generator's planner
        List<WalkPlan> plans = GaitPlanner.plan(40, 10, Seeds.random(17, "gait/walks")).stream()
                .filter(p -> p.view() == View.FRONTAL && p.score() <= 3).toList();
        assertThat(plans).hasSizeGreaterThanOrEqualTo(12);
        List<Double> keypointsOnly = new ArrayList<>();
        List<Double> pictured = new ArrayList<>();
        List<String> report = new ArrayList<>();
        for (WalkPlan plan : plans) {
            SyntheticWalks.Walk plain = SyntheticWalks.walk(plan, NOISE_BH, GaitAccuracyTest.DROPOUT, 17, false);
            SyntheticWalks.Walk seen = SyntheticWalks.walk(plan, NOISE_BH, GaitAccuracyTest.DROPOUT, 17, true);
            GaitAnalyzer analyzer = new GaitAnalyzer(AnalysisSettings.defaults().withFocalLengthPx(plain.focalPx()));
            Double a = analyzer.analyze(plain.series()).parameters().cadenceSpm();
            Double b = analyzer.analyze(seen.series()).parameters().cadenceSpm();
            double truth = plain.truth().cadence();
            keypointsOnly.add(a == null ? Double.POSITIVE_INFINITY : Math.abs(a / truth - 1));
            pictured.add(b == null ? Double.POSITIVE_INFINITY : Math.abs(b / truth - 1));
            report.add(String.format(Locale.ROOT, "score %d: %.1f, keypoints %s, picture %s", plan.score(), truth,
                    a == null ? "-" : String.format(Locale.ROOT, "%.1f", a),
                    b == null ? "-" : String.format(Locale.ROOT, "%.1f", b)));
        }
        System.out.println("Frontal cadence, keypoints jittering 2 % H: " + report);
        keypointsOnly.sort(null);
        pictured.sort(null);
        long within = pictured.stream().filter(e -> e <= 0.05).count();
        System.out.printf(Locale.ROOT, "median error: keypoints only %.1f %%, with the picture %.1f %%; with the"
                + " picture within 5 %%: %d of %d%n", 100 * keypointsOnly.get(plans.size() / 2),
                100 * pictured.get(plans.size() / 2), within, plans.size());

        // then the feet's motion in the picture times them better than the keypoints alone, and within 5 % on all
        // but two (a stride read 7 % short on a score-0 walk, 5.4 % long on a score-3 one)
        assertThat(pictured.get(plans.size() / 2)).isLessThan(keypointsOnly.get(plans.size() / 2));
        assertThat(within).isGreaterThanOrEqualTo(plans.size() - 2);
    }

    @Test
    void sideCadence_shufflerWhoseFeetTheKeypointsDoNotSeparate_isTimedByTheFeetsMotionInThePicture() {
        // given side-view score-4 walks (short shuffling steps, freezing) from the generator's planner
        List<WalkPlan> plans = GaitPlanner.plan(60, 12, Seeds.random(23, "gait/walks")).stream()
                .filter(p -> p.view() == View.SIDE && p.score() == 4).toList();
        assertThat(plans).hasSizeGreaterThanOrEqualTo(5);
        int keypointsWithin = 0;
        int picturedWithin = 0;
        List<String> report = new ArrayList<>();
        for (WalkPlan plan : plans) {
            SyntheticWalks.Walk plain = SyntheticWalks.walk(plan, SIDE_NOISE_BH, GaitAccuracyTest.DROPOUT, 23, false);
            SyntheticWalks.Walk seen = SyntheticWalks.walk(plan, SIDE_NOISE_BH, GaitAccuracyTest.DROPOUT, 23, true);
            GaitAnalyzer analyzer = new GaitAnalyzer(AnalysisSettings.defaults());
            Double a = analyzer.analyze(plain.series()).parameters().cadenceSpm();
            Double b = analyzer.analyze(seen.series()).parameters().cadenceSpm();
            double truth = plain.truth().cadence();
            keypointsWithin += a != null && Math.abs(a / truth - 1) <= 0.05 ? 1 : 0;
            picturedWithin += b != null && Math.abs(b / truth - 1) <= 0.05 ? 1 : 0;
            report.add(String.format(Locale.ROOT, "%.1f: keypoints %s, picture %s", truth,
                    a == null ? "-" : String.format(Locale.ROOT, "%.1f", a),
                    b == null ? "-" : String.format(Locale.ROOT, "%.1f", b)));
        }
        System.out.println("Side-view shufflers' cadence, keypoints jittering 1 % H: " + report);

        // then the picture times all but one within 5 % (5 of 6: -1.4 to +5.3 %), the keypoints alone fewer (3 of 6;
        // one read 25 % high)
        assertThat(picturedWithin).isGreaterThanOrEqualTo(plans.size() - 1).isGreaterThan(keypointsWithin);
    }

    @Test
    void frontalCadence_pictureShowingTheFeetButNotTheirSteps_isTimedByTheKeypoints() {
        // given frontal walks of every score with keypoints as clean as GaitAccuracyTest's, and a picture in which the
        // feet never change (steps too small to see, whose blocks the video's encoder skipped: a severe shuffler far
        // from the camera)
        List<WalkPlan> plans = GaitPlanner.plan(40, 10, Seeds.random(29, "gait/walks")).stream()
                .filter(p -> p.view() == View.FRONTAL).toList();
        assertThat(plans).hasSizeGreaterThanOrEqualTo(15);
        int keypointsTimed = 0;
        List<String> report = new ArrayList<>();
        for (WalkPlan plan : plans) {
            SyntheticWalks.Walk walk = SyntheticWalks.walk(plan, GaitAccuracyTest.NOISE_BH, GaitAccuracyTest.DROPOUT,
                    29, false);
            GaitAnalyzer analyzer = new GaitAnalyzer(AnalysisSettings.defaults().withFocalLengthPx(walk.focalPx()));
            Double keypoints = analyzer.analyze(walk.series()).parameters().cadenceSpm();
            // the same keypoints, both feet's motion in the picture measured and nil: no foot ever stepped there
            KeypointSeries unchangingFeet = SyntheticWalks.edited(walk.series(), (n, x, y, c) -> { }, 0f);
            Double unchanging = analyzer.analyze(unchangingFeet).parameters().cadenceSpm();
            keypointsTimed += keypoints == null ? 0 : 1;
            report.add(String.format(Locale.ROOT, "score %d: %.1f, keypoints %s, unchanging feet %s", plan.score(),
                    walk.truth().cadence(), oneDecimal(keypoints), oneDecimal(unchanging)));

            // then the cadence is the one the keypoints alone give, not none
            assertThat(unchanging).as(report.get(report.size() - 1)).isEqualTo(keypoints);
        }
        System.out.println("Frontal cadence, the feet unchanging in the picture: " + report);
        assertThat(keypointsTimed).isGreaterThanOrEqualTo(plans.size() - 2);
    }

    private static String oneDecimal(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }
}
