package io.loupe.pipelines.gait;

import io.loupe.pipelines.gait.analysis.AnalysisSettings;
import io.loupe.pipelines.gait.analysis.BoutAnalysis;
import io.loupe.pipelines.gait.analysis.FreezeEpisode;
import io.loupe.pipelines.gait.analysis.GaitAnalyzer;
import io.loupe.pipelines.gait.analysis.GaitParameters;
import io.loupe.pipelines.gait.analysis.GaitScore;
import io.loupe.pipelines.gait.analysis.GaitScoreRules;
import io.loupe.pipelines.gait.analysis.View;
import io.loupe.samples.gait.truth.BoutTruth;
import io.loupe.samples.gait.truth.FreezeTruth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis against ground truth on 30 generated walks (seed 11, 10 s each or longer where a slow walker needs it
 * for six straight steps, scores 0–4, side and frontal views alternating) from the sample generator's kinematic gait
 * model, as keypoint series with pose-model-like noise ({@link SyntheticWalks}: jitter 0.5 % of body height on visible
 * keypoints, 1.5 % on hidden ones, 3 % dropped, short losses). The frontal walks are analysed with the camera's focal
 * length as calibration (needed for frontal step length).
 */
class GaitAccuracyTest {
    static final double NOISE_BH = 0.005;
    static final double DROPOUT = 0.03;
    private static final List<Measured> WALKS = new ArrayList<>();

    record Measured(SyntheticWalks.Walk walk, BoutAnalysis analysis, GaitScore score) {
        GaitParameters p() {
            return analysis.parameters();
        }

        BoutTruth truth() {
            return walk.truth();
        }

        String name() {
            return "walk " + walk.plan().walk() + " (" + walk.view() + ", score " + walk.plan().score() + ")";
        }

        @Override
        public String toString() {
            return name();
        }
    }

    @BeforeAll
    static void measure() {
        for (SyntheticWalks.Walk w : SyntheticWalks.make(11, 30, 10, NOISE_BH, DROPOUT)) {
            AnalysisSettings settings = AnalysisSettings.defaults().withFocalLengthPx(w.focalPx());
            BoutAnalysis a = new GaitAnalyzer(settings).analyze(w.series());
            WALKS.add(new Measured(w, a, new GaitScoreRules(settings.shufflingLiftBh()).score(a.parameters(),
                    a.lowerBody())));
        }
    }

    @Test
    void generatedWalks_sideView_cadenceWithin5Percent() {
        // given side-view walks without freezing whose truth has at least 6 straight steps
        List<Measured> walks = WALKS.stream().filter(m -> m.walk().view() == io.loupe.samples.gait.View.SIDE
                && m.truth().straightSteps() >= 6 && m.truth().freezing().isEmpty()).toList();
        List<String> freezing = new ArrayList<>();
        for (Measured m : WALKS) {
            if (!m.truth().freezing().isEmpty() && m.truth().cadence() != null && m.p().cadenceSpm() != null) {
                freezing.add(String.format(Locale.ROOT, "%+.1f%% (%s)", 100 * (m.p().cadenceSpm()
                        / m.truth().cadence() - 1), m.walk().view()));
            }
        }
        System.out.println("Cadence errors in walks with freezing (not asserted): " + freezing);
        assertThat(walks).hasSizeGreaterThanOrEqualTo(8);
        List<String> report = new ArrayList<>();
        for (Measured m : walks) {
            // then the cadence is within 5 %
            assertThat(m.p().cadenceSpm()).as("cadence of %s", m.name()).isNotNull();
            double error = m.p().cadenceSpm() / m.truth().cadence() - 1;
            report.add(String.format(Locale.ROOT, "%+.1f%%", 100 * error));
            assertThat(Math.abs(error)).as("cadence error of %s: %.1f vs %.1f", m.name(), m.p().cadenceSpm(),
                    m.truth().cadence()).isLessThan(0.05);
        }
        System.out.println("Side-view cadence errors: " + report);
    }

    @Test
    void generatedWalks_frontalView_cadenceWithin5PercentForScores0And1() {
        List<Measured> walks = WALKS.stream().filter(m -> m.walk().view() == io.loupe.samples.gait.View.FRONTAL
                && m.walk().plan().score() <= 1).toList();
        assertThat(walks).hasSizeGreaterThanOrEqualTo(5);
        List<String> report = new ArrayList<>();
        for (Measured m : walks) {
            assertThat(m.p().cadenceSpm()).as("cadence of %s", m.name()).isNotNull();
            double error = m.p().cadenceSpm() / m.truth().cadence() - 1;
            report.add(String.format(Locale.ROOT, "%+.1f%%", 100 * error));
            assertThat(Math.abs(error)).as("cadence error of %s", m.name()).isLessThan(0.05);
        }
        System.out.println("Frontal cadence errors (scores 0-1): " + report);
    }

    @Test
    void generatedWalks_sideView_stepLengthWithin10PercentForScores0To3() {
        // given side walks with at least 6 straight steps, short of score 4's shuffling between long freezes (steps of
        // 0.05-0.09 H, two or three at a time: printed below, not held to 10 %)
        List<Measured> walks = WALKS.stream().filter(m -> m.walk().view() == io.loupe.samples.gait.View.SIDE
                && m.truth().straightSteps() >= 6 && m.walk().plan().score() <= 3).toList();
        assertThat(walks).hasSizeGreaterThanOrEqualTo(8);
        List<String> severe = new ArrayList<>();
        for (Measured m : WALKS) {
            if (m.walk().view() == io.loupe.samples.gait.View.SIDE && m.walk().plan().score() == 4) {
                severe.add(m.p().stepLengthBh() == null ? "not measured" : String.format(Locale.ROOT, "%+.1f%%",
                        100 * (m.p().stepLengthBh() / m.truth().stepLength() - 1)));
            }
        }
        System.out.println("Side-view step length errors at score 4 (not asserted): " + severe);
        List<String> report = new ArrayList<>();
        for (Measured m : walks) {
            assertThat(m.p().stepLengthBh()).as("step length of %s", m.name()).isNotNull();
            double error = m.p().stepLengthBh() / m.truth().stepLength() - 1;
            report.add(String.format(Locale.ROOT, "%+.1f%%", 100 * error));
            assertThat(Math.abs(error)).as("step length error of %s: %.3f vs %.3f H", m.name(),
                    m.p().stepLengthBh(), m.truth().stepLength()).isLessThan(0.10);
        }
        System.out.println("Side-view step length errors: " + report);
    }

    @Test
    void generatedWalks_frontalView_stepLengthFromSpeedInDepth_within10PercentForScores0To2() {
        // given frontal walks (away, turn, towards) with at least 4 straight steps, analysed with the focal length
        List<Measured> walks = frontalWalksOfScores0To2();
        List<String> report = new ArrayList<>();
        double sum = 0;
        for (Measured m : walks) {
            // then the step length (speed towards or away from the camera times the step time) is within 10 %
            assertThat(m.p().stepLengthBh()).as("step length of %s", m.name()).isNotNull();
            double error = m.p().stepLengthBh() / m.truth().stepLength() - 1;
            sum += error;
            report.add(String.format(Locale.ROOT, "%+.1f%%", 100 * error));
            assertThat(Math.abs(error)).as("step length error of %s: %.3f vs %.3f H", m.name(),
                    m.p().stepLengthBh(), m.truth().stepLength()).isLessThan(0.10);
        }
        System.out.println("Frontal step length errors (scores 0-2): " + report);
        // and without a bias (the change of size between each step's two heel strikes read every step 4-9 % long)
        assertThat(Math.abs(sum / walks.size())).as("mean frontal step length error").isLessThan(0.03);
    }

    @Test
    void generatedWalks_withSubjectHeight_stepLengthInMetres() {
        // given a side walk and the subject's height as calibration
        Measured m = WALKS.get(0);
        AnalysisSettings settings = AnalysisSettings.defaults().withSubjectHeightM(m.walk().bodyHeightM());

        // when
        GaitParameters p = new GaitAnalyzer(settings).analyze(m.walk().series()).parameters();

        // then metres are the body-height value times the height, within 10 % of the truth
        assertThat(p.stepLengthM()).isCloseTo(p.stepLengthBh() * m.walk().bodyHeightM(),
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(p.stepLengthM() / m.truth().stepLengthMetres()).isBetween(0.9, 1.1);
        assertThat(p.speedMS()).isNotNull();
    }

    @Test
    void sideView_calibratedWithMetresPerPixelAndHeight_stepLengthDoesNotFollowThePoseModelsAnkles() {
        // given the side walks of the step-length test with every ankle keypoint 0.05 H above the true ankle, which
        // shortens the shoulder-to-ankle chain body height is taken from (BlazePose full's sit 0.02 H high in side
        // views of our rendered walkers, 0.03 H in frontal ones), measured as they are and calibrated
        List<SideReadings> walks = sideWalksWithHighAnkles(false);
        for (SideReadings r : walks) {
            // then metres come from the pixels and body heights from the subject's height
            assertThat(r.calibrated().stepLengthM() / r.walk().truth().stepLengthMetres() - 1)
                    .as("metres, walk %d", r.walk().plan().walk()).isBetween(-0.1, 0.1);
            assertThat(r.calibrated().stepLengthBh()).isCloseTo(r.calibrated().stepLengthM() / r.walk().bodyHeightM(),
                    org.assertj.core.data.Offset.offset(1e-9));
        }
        List<Double> chain = walks.stream().map(SideReadings::plainError).toList();
        List<Double> calibrated = walks.stream().map(SideReadings::calibratedError).toList();
        System.out.println("Side-view step length errors, ankles 0.05 H high: by the chain " + percent(chain)
                + ", calibrated " + percent(calibrated));
        // and the chain's shortfall (0.05 of its 0.779 H: about 6 %) is in every uncalibrated length, not in the
        // calibrated ones, whose median error is the side-view measure's own
        for (SideReadings r : walks) {
            assertThat(r.plainError() - r.calibratedError()).as("walk %d", r.walk().plan().walk())
                    .isBetween(0.05, 0.09);
        }
        assertThat(median(chain)).isGreaterThan(0.04);
        assertThat(Math.abs(median(calibrated))).isLessThan(0.03);
    }

    @Test
    void sideView_withTheSilhouettesLowerEnd_stepLengthDoesNotFollowThePoseModelsAnkles() {
        // given the side walks of the test above, ankles 0.05 H high, from a pose model that also segments the walker
        // (the silhouette's lower end where the feet's soles are), measured as they are and calibrated
        List<SideReadings> walks = sideWalksWithHighAnkles(true);
        List<Double> toFloor = walks.stream().map(SideReadings::plainError).toList();
        System.out.println("Side-view step length errors, ankles 0.05 H high, silhouette's lower end given: by the"
                + " chain to the floor " + percent(toFloor) + ", calibrated "
                + percent(walks.stream().map(SideReadings::calibratedError).toList()));
        // then the body height taken down to the floor loses nothing to the high ankles: the uncalibrated lengths read
        // as the calibrated ones do (the chain to the ankles read them 5-9 % longer, above)
        for (SideReadings r : walks) {
            assertThat(r.plainError() - r.calibratedError()).as("walk %d", r.walk().plan().walk())
                    .isBetween(-0.03, 0.03);
        }
        assertThat(Math.abs(median(toFloor))).isLessThan(0.03);
    }

    @Test
    void frontalView_withTheSilhouettesLowerEndInTheTurn_stepLengthDoesNotFollowThePoseModelsAnkles() {
        // given the frontal walks of the frontal step-length test (away, turn, towards) with every ankle keypoint
        // 0.05 H high, once without and once with the silhouette's lower end, which in a frontal view takes in the
        // foot's length pointing at the camera, and ends at the soles only while the walker turns side-on
        List<Measured> frontal = frontalWalksOfScores0To2();
        List<SyntheticWalks.Walk> chainOnly = withHighAnkles(frontal, false);
        List<SyntheticWalks.Walk> segmented = withHighAnkles(frontal, true);
        AnalysisSettings settings = AnalysisSettings.defaults().withFocalLengthPx(frontal.get(0).walk().focalPx());
        List<Double> exact = new ArrayList<>();
        List<Double> chain = new ArrayList<>();
        List<Double> turned = new ArrayList<>();
        for (int i = 0; i < frontal.size(); i++) {
            double truth = frontal.get(i).truth().stepLength();
            // when measured with the exact ankles, with the high ones, and with the high ones and the silhouette
            exact.add(frontal.get(i).p().stepLengthBh() / truth - 1);
            chain.add(new GaitAnalyzer(settings).analyze(chainOnly.get(i).series()).parameters().stepLengthBh()
                    / truth - 1);
            turned.add(new GaitAnalyzer(settings).analyze(segmented.get(i).series()).parameters().stepLengthBh()
                    / truth - 1);
        }
        System.out.println("Frontal step length errors, exact ankles " + percent(exact) + "; ankles 0.05 H high: by"
                + " the chain " + percent(chain) + ", scaled by the floor seen side-on in the turn " + percent(turned));
        // then the floor seen side-on measures the chain's shortfall (0.05 of its 0.779 H) within 2.5 % in every
        // walk (the high ankles also move the legs' scale, the analysis's thresholds and so its walking segments,
        // which is why the lengths by the chain are compared with the scaled ones, not with the exact ankles' ones)
        for (int i = 0; i < frontal.size(); i++) {
            assertThat((1 + turned.get(i)) / (1 + chain.get(i))).as(frontal.get(i).name())
                    .isCloseTo((0.779 - 0.05) / 0.779, org.assertj.core.data.Offset.offset(0.025));
        }
        // and takes out what the chain's shortfall had added to the lengths
        assertThat(median(chain) - median(exact)).isGreaterThan(0.05);
        assertThat(median(turned) - median(exact)).isBetween(-0.02, 0.02);
    }

    /** The frontal walks (away, turn, towards) of scores 0-2 with at least 4 straight steps. */
    private static List<Measured> frontalWalksOfScores0To2() {
        List<Measured> walks = WALKS.stream().filter(m -> m.walk().view() == io.loupe.samples.gait.View.FRONTAL
                && m.walk().plan().score() <= 2 && m.truth().straightSteps() >= 4).toList();
        assertThat(walks).hasSizeGreaterThanOrEqualTo(6);
        return walks;
    }

    /** A side walk measured as it is, and calibrated at the walkway with the subject's height. */
    private record SideReadings(SyntheticWalks.Walk walk, GaitParameters plain, GaitParameters calibrated) {
        static SideReadings of(SyntheticWalks.Walk w) {
            return new SideReadings(w, new GaitAnalyzer(AnalysisSettings.defaults()).analyze(w.series()).parameters(),
                    new GaitAnalyzer(AnalysisSettings.defaults().withMetresPerPixel(w.metresPerPixel())
                            .withSubjectHeightM(w.bodyHeightM())).analyze(w.series()).parameters());
        }

        double plainError() {
            return plain.stepLengthBh() / walk.truth().stepLength() - 1;
        }

        double calibratedError() {
            return calibrated.stepLengthBh() / walk.truth().stepLength() - 1;
        }
    }

    /**
     * The side walks of scores 0-3 with six straight steps or more, every ankle keypoint 0.05 H above the true ankle
     * ({@code segmented}: with the silhouette's lower end too), read as they are and calibrated.
     */
    private static List<SideReadings> sideWalksWithHighAnkles(boolean segmented) {
        List<SideReadings> walks = withHighAnkles(WALKS.stream().filter(m -> m.walk().view()
                == io.loupe.samples.gait.View.SIDE && m.truth().straightSteps() >= 6 && m.walk().plan().score() <= 3)
                .toList(), segmented).stream().map(SideReadings::of).toList();
        assertThat(walks).hasSizeGreaterThanOrEqualTo(8);
        return walks;
    }

    /** {@code walks} again with every ankle keypoint 0.05 H above the true ankle, and the silhouette if segmented. */
    private static List<SyntheticWalks.Walk> withHighAnkles(List<Measured> walks, boolean segmented) {
        return walks.stream()
                .map(m -> SyntheticWalks.walk(m.walk().plan(), NOISE_BH, DROPOUT, 11, false, 0.05, segmented))
                .toList();
    }

    private static double median(List<Double> v) {
        return v.stream().sorted().toList().get(v.size() / 2);
    }

    private static List<String> percent(List<Double> v) {
        return v.stream().map(e -> String.format(Locale.ROOT, "%+.1f%%", 100 * e)).toList();
    }

    @Test
    void generatedWalks_frontalView_withoutFocalLength_stepLengthMissingWithReason() {
        Measured m = WALKS.stream().filter(w -> w.walk().view() == io.loupe.samples.gait.View.FRONTAL).findFirst()
                .orElseThrow();

        GaitParameters p = new GaitAnalyzer(AnalysisSettings.defaults()).analyze(m.walk().series()).parameters();

        assertThat(p.stepLengthBh()).isNull();
        assertThat(p.missing()).anySatisfy(x -> {
            assertThat(x.name()).isEqualTo("step_length_bh");
            assertThat(x.reason()).contains("calibration.focalLengthPx");
        });
        assertThat(p.cadenceSpm()).isNotNull();
    }

    @Test
    void generatedWalks_viewDecidedFromKeypoints_matchesTheCamera() {
        for (Measured m : WALKS) {
            View expected = m.walk().view() == io.loupe.samples.gait.View.SIDE ? View.SIDE : View.FRONTAL;
            assertThat(m.analysis().view()).as("view of %s", m.name()).isEqualTo(expected);
            assertThat(m.analysis().viewDecided()).isTrue();
        }
    }

    @Test
    void generatedWalks_armSwingAsymmetry_detectedWhereIntended() {
        // given side-view walks with clear arm swing (both arms over 12 deg in truth)
        List<Measured> walks = WALKS.stream().filter(m -> m.walk().view() == io.loupe.samples.gait.View.SIDE
                && Math.min(m.truth().armSwingLeft(), m.truth().armSwingRight()) >= 12).toList();
        assertThat(walks).hasSizeGreaterThanOrEqualTo(6);
        int asymmetric = 0;
        for (Measured m : walks) {
            boolean intended = m.truth().armSwingAsymmetry() >= 0.25;
            asymmetric += intended ? 1 : 0;
            // then the measured asymmetry is on the same side of 0.25 and within 0.15 of the truth
            assertThat(m.p().armSwingAsymmetry()).as("asymmetry of %s", m.name()).isNotNull();
            assertThat(m.p().armSwingAsymmetry() >= 0.25).as("asymmetry of %s: %.2f vs %.2f", m.name(),
                    m.p().armSwingAsymmetry(), m.truth().armSwingAsymmetry()).isEqualTo(intended);
            assertThat(Math.abs(m.p().armSwingAsymmetry() - m.truth().armSwingAsymmetry())).isLessThan(0.15);
        }
        assertThat(asymmetric).as("walks with intended asymmetry").isGreaterThanOrEqualTo(2);
    }

    @Test
    void generatedWalks_scoreWithinOneOfIntended_inAtLeast95PercentOfBouts() {
        int within = 0;
        List<String> report = new ArrayList<>();
        for (Measured m : WALKS) {
            Integer score = m.score().score();
            boolean ok = score != null && Math.abs(score - m.walk().plan().score()) <= 1;
            within += ok ? 1 : 0;
            report.add(m.walk().plan().score() + "->" + score + (m.walk().view() == io.loupe.samples.gait.View.SIDE
                    ? "s" : "f"));
            if (score != null) {
                assertThat(m.score().confidence()).isBetween(0.0, 1.0);
                assertThat(m.score().drivers().isEmpty()).isEqualTo(score == 0);
            }
        }
        System.out.println("Scores (intended->estimated, s side, f frontal): " + report);
        assertThat(within).as("bouts scored within ±1: %s", report).isGreaterThanOrEqualTo(
                (int) Math.ceil(0.95 * WALKS.size()));
    }

    @Test
    void generatedWalks_freezingEpisodes_foundInSideViewAndNoneInvented() {
        for (Measured m : WALKS) {
            List<FreezeTruth> truth = m.truth().freezing();
            List<FreezeEpisode> found = m.p().freezing();
            if (truth.isEmpty()) {
                // then no freezing is invented in walks without it
                assertThat(found).as("freezes found in %s", m.name()).isEmpty();
            } else if (m.walk().view() == io.loupe.samples.gait.View.SIDE) {
                // then every episode inside the walk overlaps one found
                for (FreezeTruth f : truth) {
                    if (f.end() >= m.walk().plan().seconds() - 0.5) {
                        continue;
                    }
                    assertThat(found).as("%s: freeze %.2f-%.2f s found among %s", m.name(), f.start(), f.end(), found)
                            .anySatisfy(e -> assertThat(e.startS() < f.end() && e.endS() > f.start()).isTrue());
                }
            }
        }
    }

    @Test
    void generatedWalks_freezingInAnyView_foundInMostImpairedWalks() {
        int walks = 0;
        int found = 0;
        for (Measured m : WALKS) {
            if (!m.truth().freezing().isEmpty()) {
                walks++;
                found += m.p().freezing().isEmpty() ? 0 : 1;
            }
        }
        System.out.printf("Walks with freezing: %d, with an episode found: %d%n", walks, found);
        assertThat(found).isGreaterThanOrEqualTo((int) Math.ceil(0.75 * walks));
    }

    @Test
    void generatedWalks_turns_foundWhereTheWalkerTurns() {
        int walks = 0;
        int matched = 0;
        List<String> report = new ArrayList<>();
        for (Measured m : WALKS) {
            if (m.truth().turns().isEmpty()) {
                assertThat(m.p().turns()).as("turns in %s", m.name()).isEmpty();
                continue;
            }
            walks++;
            matched += m.p().turns().size() == m.truth().turns().size() ? 1 : 0;
            if (m.p().turnDurationS() != null) {
                report.add(String.format(Locale.ROOT, "%.1f/%.1f s %.0f/%.0f steps", m.p().turnDurationS(),
                        m.truth().turnDuration(), m.p().turnSteps(), m.truth().turnSteps()));
            }
        }
        System.out.println("Turns (found/true duration, steps): " + report);
        assertThat(matched).as("walks whose turns were all found, of %d", walks)
                .isGreaterThanOrEqualTo((int) Math.ceil(0.7 * walks));
    }
}
