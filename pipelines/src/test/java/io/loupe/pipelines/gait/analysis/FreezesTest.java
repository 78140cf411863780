package io.loupe.pipelines.gait.analysis;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Freezing episodes from the per-sample stillness of the feet. */
class FreezesTest {

    /** A standing person seen at 25 samples a second for {@code n} samples. */
    private static Tracks standing(int n) {
        return standing(n, false, 0, false);
    }

    /**
     * The same standing keypoints; when {@code pictured}, with the feet's motion in the picture measured: the left
     * foot's picture changing (a shuffle the keypoints do not show) until {@code movingUntil}, both at the picture's
     * resting level after — sensor noise of 0.5-0.7 grey levels, or with a {@code quiet} codec that leaves the still
     * picture alone 0, the left foot flickering by 0.3 every fifth frame.
     */
    private static Tracks standing(int n, boolean pictured, int movingUntil, boolean quiet) {
        KeypointSeries s = new KeypointSeries();
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        float[] sc = new float[Joints.COUNT];
        Arrays.fill(sc, 0.9f);
        for (int j = 0; j < Joints.COUNT; j++) {
            x[j] = 300 + 10 * (j % 2);
            y[j] = 100 + 15 * j;
        }
        for (int i = 0; i < n; i++) {
            float rest = quiet ? 0f : 0.5f + 0.1f * (i % 3);
            float flicker = quiet && i % 5 == 0 ? 0.3f : rest;
            if (pictured) {
                s.add(i / 25.0, x, y, sc, i < movingUntil ? 4f : flicker, rest, Float.NaN);
            } else {
                s.add(i / 25.0, x, y, sc);
            }
        }
        return new Tracks(s, AnalysisSettings.defaults());
    }

    private static boolean[] stillFromTo(int n, int[]... runs) {
        boolean[] still = new boolean[n];
        for (int[] r : runs) {
            Arrays.fill(still, r[0], r[1], true);
        }
        return still;
    }

    @Test
    void still_keypointsStillButAFootChangingInThePicture_isNotStill_alsoWithACodecThatLeavesStillPicturesAlone() {
        for (boolean quiet : new boolean[] {false, true}) {
            // given keypoints that do not move at all, and a left foot whose picture changes for the first 2 s
            Tracks measured = standing(100, true, 50, quiet);

            boolean[] still = Freezes.still(measured, 0.025);

            // then the feet are not still while it changes, and still once it has stopped (beyond the ±0.25 s
            // window): with a quiet codec the resting level is 0, and the flicker is under the noise floor
            for (int i = 0; i < 100; i++) {
                if (i < 50 - Freezes.HALF_WINDOW_S * 25 || i >= 50 + Freezes.HALF_WINDOW_S * 25) {
                    assertThat(still[i]).as("quiet %s, sample %d", quiet, i).isEqualTo(i >= 50);
                }
            }
        }
        // and without the picture's motion the same keypoints are still throughout
        boolean[] keypointsOnly = Freezes.still(standing(100), 0.025);
        for (boolean b : keypointsOnly) {
            assertThat(b).isTrue();
        }
    }

    @Test
    void find_stillnessBrokenByAMomentShorterThanThePadding_isOneEpisode() {
        // given the feet still from 0.8 s to 1.6 s and from 1.8 s to 2.8 s: a 0.2 s jump between
        Tracks k = standing(100);
        boolean[] still = stillFromTo(100, new int[] {20, 40}, new int[] {45, 70});

        List<FreezeEpisode> found = Freezes.find(k, still, 1.0);

        // then one episode covers both, padded by the half window at its ends
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.startS()).isCloseTo(0.8 - Freezes.HALF_WINDOW_S, within(1e-9));
            assertThat(e.endS()).isCloseTo(2.76 + Freezes.HALF_WINDOW_S, within(1e-9));
            assertThat(e.durationS()).isCloseTo(e.endS() - e.startS(), within(1e-9));
        });
    }

    @Test
    void find_stillnessApartByMoreThanThePadding_isTwoEpisodes() {
        // given the feet still from 0.4 s to 1.6 s and from 2.2 s to 3.4 s: walking for 0.6 s between
        Tracks k = standing(100);
        boolean[] still = stillFromTo(100, new int[] {10, 40}, new int[] {55, 85});

        List<FreezeEpisode> found = Freezes.find(k, still, 1.0);

        assertThat(found).hasSize(2);
        assertThat(found.get(0).endS()).isLessThan(found.get(1).startS());
    }

    @Test
    void find_standingAtTheBoutsStartOrEnd_isNotFreezing() {
        Tracks k = standing(100);
        boolean[] still = stillFromTo(100, new int[] {0, 40}, new int[] {70, 100});

        assertThat(Freezes.find(k, still, 1.0)).isEmpty();
    }
}
