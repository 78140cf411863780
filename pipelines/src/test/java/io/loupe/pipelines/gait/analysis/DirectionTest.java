package io.loupe.pipelines.gait.analysis;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Straight stretches of a frontal walk, from the walker's apparent size and how square he is to the camera. */
class DirectionTest {
    private static final double FPS = 25;

    /**
     * A walker filmed from the front for 8 s: he walks towards the camera (apparent size growing by {@code rate} a
     * second), turns about his vertical axis from 3 s to 5 s while still drawing nearer (his shoulders and hips narrow
     * to side-on and widen again, mirrored), then walks away (size shrinking as fast).
     */
    private static Tracks approachTurnAndWalkAway(double rate) {
        KeypointSeries s = new KeypointSeries();
        float[] sc = new float[Joints.COUNT];
        Arrays.fill(sc, 0.9f);
        for (int i = 0; i < 8 * FPS; i++) {
            double t = i / FPS;
            double h = 200 * Math.exp(rate * Math.min(t, 5) - rate * Math.max(0, t - 5));
            double facing = t < 3 ? 1 : t > 5 ? -1 : Math.cos(Math.PI * (t - 3) / 2);
            float[] x = new float[Joints.COUNT];
            float[] y = new float[Joints.COUNT];
            Arrays.fill(x, Float.NaN);
            Arrays.fill(y, Float.NaN);
            double ground = 420;
            place(x, y, Joints.LEFT_SHOULDER, Joints.RIGHT_SHOULDER, 0.116 * h * facing, ground - 0.818 * h);
            place(x, y, Joints.LEFT_HIP, Joints.RIGHT_HIP, 0.08 * h * facing, ground - 0.530 * h);
            place(x, y, Joints.LEFT_KNEE, Joints.RIGHT_KNEE, 0.08 * h * facing, ground - 0.285 * h);
            place(x, y, Joints.LEFT_ANKLE, Joints.RIGHT_ANKLE, 0.08 * h * facing, ground - 0.039 * h);
            s.add(t, x, y, sc);
        }
        return new Tracks(s, AnalysisSettings.defaults());
    }

    /** A left and right joint {@code half} apart either side of the picture's centre line (negative: mirrored). */
    private static void place(float[] x, float[] y, int left, int right, double half, double height) {
        x[left] = (float) (320 + half);
        x[right] = (float) (320 - half);
        y[left] = (float) height;
        y[right] = (float) height;
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
