package io.loupe.pipelines.gait.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Straight stretches of a frontal walk ({@link FrontalWalks}), from the walker's apparent size and how square he is to
 * the camera.
 */
class DirectionTest {
    private static Tracks approachTurnAndWalkAway(double rate) {
        return new Tracks(FrontalWalks.approachTurnAndWalkAway(rate), AnalysisSettings.defaults());
    }

    @Test
    void stretches_frontalWalkerTurningWhileStillApproaching_endWhereHisBodyStartsToRotate() {
        Tracks k = approachTurnAndWalkAway(0.12);

        List<Stretch> found = Direction.stretches(k, Direction.perSample(k, View.FRONTAL), View.FRONTAL);

        // then the approach is one stretch that ends early in the turn (past about 13° the body turns faster
        // than the turn rate; square-on width alone kept it until 74°, at 3.8 s, with the turn's quick steps in it),
        // and the walk away is another
        assertThat(found).hasSize(2);
        assertThat(found.get(0).dir()).isEqualTo(1);
        assertThat(k.t[found.get(0).to() - 1]).isLessThan(3.4);
        assertThat(found.get(1).dir()).isEqualTo(-1);
        assertThat(k.t[found.get(1).from()]).isGreaterThan(4.6);
    }

    @Test
    void inPlace_frontalWalkerTooSlowForHisSizeToTell_isStraightOnlyWhereHeIsSquareOnAndNotTurning() {
        // a shuffler: his apparent size grows 2 % a second, under the rate that tells walking from drift
        Tracks k = approachTurnAndWalkAway(0.02);
        assertThat(Direction.stretches(k, Direction.perSample(k, View.FRONTAL), View.FRONTAL)).isEmpty();

        List<Stretch> found = Direction.inPlace(k, View.FRONTAL);

        // the turn is left out (the whole bout was one stretch, the turn's quick steps in it); each stretch faces
        // the way he walks: front on (left hip on the picture's right) towards the camera, back on away from it
        assertThat(found).hasSize(2);
        assertThat(found.get(0).dir()).isEqualTo(1);
        assertThat(k.t[found.get(0).from()]).isLessThan(0.1);
        assertThat(k.t[found.get(0).to() - 1]).isLessThan(3.4);
        assertThat(found.get(1).dir()).isEqualTo(-1);
        assertThat(k.t[found.get(1).from()]).isGreaterThan(4.6);
        assertThat(found.get(1).to()).isEqualTo(k.n);
    }
}
