package io.loupe.pipelines.gait.analysis;

import java.util.Arrays;

/**
 * A walker filmed from the front for 8 s, as keypoints: he walks towards the camera (apparent size growing by
 * {@code rate} a second), turns about his vertical axis from 3 s to 5 s while still drawing nearer (his shoulders and
 * hips narrow to side-on and widen again, mirrored), then walks away (size shrinking as fast). Joints at Winter's
 * heights of a body {@code h} pixels tall standing on row 420.
 */
final class FrontalWalks {
    static final double FPS = 25;
    static final double GROUND = 420;

    private FrontalWalks() {
    }

    /** The walk as described, ankles where they are, no silhouette. */
    static KeypointSeries approachTurnAndWalkAway(double rate) {
        return approachTurnAndWalkAway(rate, 0, true, false);
    }

    /**
     * The walk with the ankle keypoints {@code ankleRise} body heights above the ankle joints, turning or (not
     * {@code turns}) square to the camera throughout, and, if {@code segmented}, the silhouette's lower end on the
     * floor.
     */
    static KeypointSeries approachTurnAndWalkAway(double rate, double ankleRise, boolean turns, boolean segmented) {
        KeypointSeries s = new KeypointSeries();
        float[] sc = new float[Joints.COUNT];
        Arrays.fill(sc, 0.9f);
        for (int i = 0; i < 8 * FPS; i++) {
            double t = i / FPS;
            double h = height(rate, t);
            double facing = !turns || t < 3 ? 1 : t > 5 ? -1 : Math.cos(Math.PI * (t - 3) / 2);
            float[] x = new float[Joints.COUNT];
            float[] y = new float[Joints.COUNT];
            Arrays.fill(x, Float.NaN);
            Arrays.fill(y, Float.NaN);
            place(x, y, Joints.LEFT_SHOULDER, Joints.RIGHT_SHOULDER, 0.116 * h * facing, GROUND - 0.818 * h);
            place(x, y, Joints.LEFT_HIP, Joints.RIGHT_HIP, 0.08 * h * facing, GROUND - 0.530 * h);
            place(x, y, Joints.LEFT_KNEE, Joints.RIGHT_KNEE, 0.08 * h * facing, GROUND - 0.285 * h);
            place(x, y, Joints.LEFT_ANKLE, Joints.RIGHT_ANKLE, 0.08 * h * facing, GROUND - (0.039 + ankleRise) * h);
            s.add(t, x, y, sc, Float.NaN, Float.NaN, segmented ? (float) GROUND : Float.NaN);
        }
        return s;
    }

    /** The walker's height in pixels at {@code t}. */
    static double height(double rate, double t) {
        return 200 * Math.exp(rate * Math.min(t, 5) - rate * Math.max(0, t - 5));
    }

    /** A left and right joint {@code half} apart either side of the picture's centre line (negative: mirrored). */
    private static void place(float[] x, float[] y, int left, int right, double half, double height) {
        x[left] = (float) (320 + half);
        x[right] = (float) (320 - half);
        y[left] = (float) height;
        y[right] = (float) height;
    }
}
