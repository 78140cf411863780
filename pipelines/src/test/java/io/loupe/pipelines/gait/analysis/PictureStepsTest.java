package io.loupe.pipelines.gait.analysis;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Side-view heel strikes from the feet's motion in the picture, for steps too short for the keypoints. */
class PictureStepsTest {
    private static final int N = 100;

    /**
     * A walker seen from the side at 25 samples a second (legs 100 px: about 200 px tall) whose feet swing up to
     * {@code reachPx} ahead of and behind the hips, the left one ahead in the first 20 samples of every 40; with
     * {@code pictured}, the picture's change at the feet: 0.6 at rest, 5 while a foot swings (samples 8-15 of every
     * 20, the left foot's box a little more when the left swings), and a compressed video's key frame (12 at both feet
     * for one sample) at samples 4, 24, 44, ...
     */
    private static Tracks walker(double reachPx, boolean pictured) {
        KeypointSeries s = new KeypointSeries();
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        float[] sc = new float[Joints.COUNT];
        Arrays.fill(sc, 0.9f);
        for (int i = 0; i < N; i++) {
            standing(x, y);
            double lead = reachPx * Math.sin(2 * Math.PI * i / 40);
            x[Joints.LEFT_ANKLE] = (float) (300 + lead);
            x[Joints.RIGHT_ANKLE] = (float) (300 - lead);
            boolean swinging = i % 20 >= 8 && i % 20 < 16;
            boolean leftSwings = (i / 20) % 2 == 1;
            float change = i % 20 == 4 ? 12f : swinging ? 5f : 0.6f;
            float left = swinging && leftSwings ? change + 1 : change;
            float right = swinging && !leftSwings ? change + 1 : change;
            if (pictured) {
                s.add(i / 25.0, x, y, sc, left, right, Float.NaN);
            } else {
                s.add(i / 25.0, x, y, sc);
            }
        }
        return new Tracks(s, AnalysisSettings.defaults());
    }

    /**
     * COCO-17 keypoints (no heels or toes): head and arms 8 px apart from y 100 down, hips at 200, knees at 250, ankles
     * at 300, all at x 300.
     */
    private static void standing(float[] x, float[] y) {
        for (int j = 0; j < Joints.COUNT; j++) {
            boolean coco = j < Joints.LEFT_HEEL;
            x[j] = coco ? 300 : Float.NaN;
            y[j] = !coco ? Float.NaN : j < Joints.LEFT_HIP ? 100 + 8 * j : j < Joints.LEFT_KNEE ? 200
                    : j < Joints.LEFT_ANKLE ? 250 : 300;
        }
    }

    @Test
    void apply_onlyToASideViewWhoseFeetStayCloseAndWhoseFeetsMotionWasMeasured() {
        List<Stretch> all = List.of(new Stretch(0, N, 1));

        assertThat(PictureSteps.apply(walker(4, true), View.SIDE, all)).isTrue();
        assertThat(PictureSteps.apply(walker(4, true), View.FRONTAL, all)).as("frontal view").isFalse();
        assertThat(PictureSteps.apply(walker(4, false), View.SIDE, all)).as("no picture").isFalse();
        assertThat(PictureSteps.apply(walker(40, true), View.SIDE, all)).as("feet well apart").isFalse();
        assertThat(PictureSteps.apply(walker(4, true), View.SIDE, List.of())).as("no walking").isFalse();
    }

    @Test
    void find_aStrikeWhereEachSwingsChangeFallsQuiet_notAtKeyFrames_feetAlternating() {
        Tracks k = walker(4, true);

        List<HeelStrike> strikes = PictureSteps.find(k, List.of(new Stretch(0, N, 1)), List.of());

        // then one heel strike per swing (samples 8-15 of every 20), as it ends: the three-sample average (5.5, 5.5,
        // 3.87, 2.23, 0.6 from sample 14) falls through a fifth of the way from rest (0.6) to swing (5.5, level 1.58)
        // at 16.4
        assertThat(strikes).hasSize(5);
        for (int i = 0; i < strikes.size(); i++) {
            assertThat(strikes.get(i).time() * 25).as("strike %d", i).isCloseTo(20 * i + 16.4, within(0.05));
        }
        // the first by the foot that changed more (the right swings in the first 20 samples), then alternating
        assertThat(strikes).extracting(HeelStrike::foot)
                .containsExactly(Foot.RIGHT, Foot.LEFT, Foot.RIGHT, Foot.LEFT, Foot.RIGHT);
    }

    @Test
    void find_aPictureThatNeverChangesMoreThanItsNoise_givesNoStrikes() {
        KeypointSeries s = new KeypointSeries();
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        float[] sc = new float[Joints.COUNT];
        Arrays.fill(sc, 0.9f);
        standing(x, y);
        for (int i = 0; i < N; i++) {
            s.add(i / 25.0, x, y, sc, 0.3f + 0.2f * (i % 4), 0.3f + 0.2f * ((i + 2) % 4), Float.NaN);
        }

        assertThat(PictureSteps.find(new Tracks(s, AnalysisSettings.defaults()), List.of(new Stretch(0, N, 1)),
                List.of())).isEmpty();
    }

    @Test
    void sparserThanRhythm_oneLandingInTwoStepsOfTheKeypointsRhythm_handsTheBoutBackToTheKeypoints() {
        Tracks k = walker(4, true);
        List<Stretch> all = List.of(new Stretch(0, N, 1));
        List<HeelStrike> everyStep = List.of(new HeelStrike(0.64, Foot.RIGHT), new HeelStrike(1.44, Foot.LEFT),
                new HeelStrike(2.24, Foot.RIGHT), new HeelStrike(3.04, Foot.LEFT));
        List<HeelStrike> everyOther = List.of(new HeelStrike(0.64, Foot.RIGHT), new HeelStrike(2.24, Foot.RIGHT),
                new HeelStrike(3.84, Foot.RIGHT));

        // a stride period of 40 samples (1.6 s): steps 0.8 s apart
        assertThat(PictureSteps.sparserThanRhythm(k, everyStep, all, List.of(), 40)).as("a landing a step").isFalse();
        assertThat(PictureSteps.sparserThanRhythm(k, everyOther, all, List.of(), 40)).as("one in two").isTrue();
        assertThat(PictureSteps.sparserThanRhythm(k, everyOther, all, List.of(), Double.NaN)).as("no rhythm")
                .isFalse();
        // landings in different segments are not an interval
        List<Stretch> split = List.of(new Stretch(0, 30, 1), new Stretch(60, N, 1));
        assertThat(PictureSteps.sparserThanRhythm(k, List.of(new HeelStrike(0.64, Foot.RIGHT),
                new HeelStrike(3.04, Foot.LEFT)), split, List.of(), 40)).as("across segments").isFalse();
    }

    @Test
    void strikes_fromThePictureOnlyWhereItAppliesAndItsLandingsKeepTheKeypointsRhythm() {
        Tracks k = walker(4, true);
        List<Stretch> all = List.of(new Stretch(0, N, 1));

        // landings every 20 samples: a step each half of a 40-sample stride, none against a 20-sample one
        assertThat(PictureSteps.strikes(k, View.SIDE, all, List.of(), 40)).hasValueSatisfying(s -> assertThat(s)
                .hasSize(5));
        assertThat(PictureSteps.strikes(k, View.SIDE, all, List.of(), Double.NaN)).as("no rhythm").isPresent();
        assertThat(PictureSteps.strikes(k, View.SIDE, all, List.of(), 20)).as("twice the steps").isEmpty();
        assertThat(PictureSteps.strikes(walker(40, true), View.SIDE, all, List.of(), 40)).as("feet apart").isEmpty();
    }
}
