package io.loupe.pipelines.gait.analysis;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Body height for a frontal view's step length ({@link Tracks#stature}) on a walker ({@link FrontalWalks}) whose ankle
 * keypoints sit 0.05 H above his ankle joints, as BlazePose full's do: the chain to the ankles measures him 0.729 of
 * 0.779 H, 0.936 of his height.
 */
class TracksTest {
    private static final double RATE = 0.12;
    private static final double ANKLE_RISE = 0.05;
    private static final double CHAIN_SHARE = (0.779 - ANKLE_RISE) / 0.779;

    @Test
    void stature_frontalWalkerSeenSideOnInHisTurn_isScaledByTheFloorMeasuredThere() {
        // given a walker who turns side-on between 3 and 5 s, and a pose model that segments him: the silhouette ends
        // at his soles
        Tracks k = new Tracks(FrontalWalks.approachTurnAndWalkAway(RATE, ANKLE_RISE, true, true),
                AnalysisSettings.defaults());

        // then the floor seen side-on measures the chain's shortfall, and the scaled chain his height, square-on too
        assertThat(k.floorScale).isCloseTo(1 / CHAIN_SHARE, Offset.offset(0.005));
        for (double t : new double[] {1, 2, 6, 7}) {
            int i = k.nearest(t);
            assertThat(k.stature[i] / FrontalWalks.height(RATE, k.t[i])).as("t=%.0f s", t)
                    .isCloseTo(1, Offset.offset(0.01));
        }
    }

    @ParameterizedTest(name = "turns {0}, segmented {1}")
    @CsvSource({"false, true", "true, false"})
    void stature_frontalWalkerNeverSideOnOrWithoutASilhouette_keepsTheChainToTheAnkles(boolean turns,
                                                                                      boolean segmented) {
        // given the same walker square to the camera throughout (no turn filmed) with his silhouette's lower end, or
        // turning but from a pose model without a segmentation mask
        Tracks k = new Tracks(FrontalWalks.approachTurnAndWalkAway(RATE, ANKLE_RISE, turns, segmented),
                AnalysisSettings.defaults());

        // then nothing scales the chain: only a walker seen side-on stands on his silhouette's lower end (facing the
        // camera, it ends at his toes)
        assertThat(k.floorScale).isEqualTo(1);
        int i = k.nearest(2);
        assertThat(k.stature[i] / FrontalWalks.height(RATE, k.t[i])).isCloseTo(CHAIN_SHARE, Offset.offset(0.01));
    }
}
