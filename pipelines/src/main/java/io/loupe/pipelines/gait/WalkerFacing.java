package io.loupe.pipelines.gait;

import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.pose.PersonPose;

/**
 * Puts a walker's left and right on the sides they are on when the pose model cannot tell a back view from a front
 * view. BlazePose labels a person walking away from the camera as if he faced it (on the generated frontal walks it
 * gave the camera-facing reading in nearly every back-view frame), so the skeleton the status page draws and the
 * per-side keypoints a clinic stores come out mirrored for half of every walk up and down a corridor.
 *
 * <p>The walker's travel in depth tells which view it is: a person walking forwards who grows in the image faces the
 * camera, one who shrinks shows his back. The log of his stature in pixels (mid-shoulders to mid-ankles) is fitted
 * against time over the last {@value #WINDOW_S} s; a slope beyond ±{@value #SLOPE_PER_S} per second, while most of
 * the window's poses are seen front or back on, decides the facing. A pose whose shoulders and hips lie the other way
 * round from it (a person facing the camera has his left side on the image's right) has every left/right pair
 * swapped. The decision holds while the walker stands or freezes square to the camera, and is dropped as soon as a
 * pose comes side-on (shoulders and hips within {@value #SIDE_ON_SPREAD} of the stature: he is turning, or walking
 * across the view), to be decided again by his next travel; holding it through turns instead mislabelled more frames
 * after them than it mended (measured on the generated frontal walks). Without a decision the pose is left as the
 * model gave it, and a pose model that does tell backs from fronts (the synthetic YOLO-pose model) mostly agrees with
 * the travel (its PCK@0.1 on the demo walks of scene version gait-walk/1: 0.916 before, 0.914 after). A walker who
 * walks backwards would be mislabelled. At more than {@value #CAPACITY} frames a second the window is the last
 * {@value #CAPACITY} frames.
 *
 * <p>One instance per pipeline, called from its single frame thread; it keeps a fixed ring of samples and allocates
 * only the swapped pose.
 */
final class WalkerFacing {
    /** The stature slope is fitted over this many seconds. */
    static final double WINDOW_S = 1.0;
    /** A log-stature slope (per second) beyond this decides the facing: 4 % a second. */
    static final double SLOPE_PER_S = 0.04;
    /** The fit needs this many samples in the window... */
    private static final int MIN_SAMPLES = 6;
    /** ...spanning at least this long. */
    private static final double MIN_SPAN_S = 0.2;
    /**
     * The facing is decided only while at least half the window's poses are seen front or back on: shoulders and hips
     * spread across (summed) at least this share of the stature. Seen from the side they spread about 0.06
     * (median of BlazePose on the generated side walks), front or back on 0.46.
     */
    static final double FRONTAL_SPREAD = 0.3;
    /** A pose is swapped only when its shoulders and hips spread at least this share of the stature. */
    static final double SWAP_SPREAD = 0.25;
    /** Shoulders and hips spread less than this share of the stature: side-on, and the decision is dropped. */
    static final double SIDE_ON_SPREAD = 0.15;
    private static final int CAPACITY = 64;

    /** The facing decided for the walker. */
    enum Facing { UNKNOWN, TOWARDS, AWAY }

    private final double[] times = new double[CAPACITY];
    private final double[] logStature = new double[CAPACITY];
    private final boolean[] frontal = new boolean[CAPACITY];
    private int head;
    private int size;
    private String trackId;
    private Facing facing = Facing.UNKNOWN;

    /**
     * The walker with left and right where they belong, given his travel up to {@code t}.
     *
     * @param walker the tracked walker in this frame, or null when there is none
     * @param t      the frame's time in seconds, not decreasing
     * @return {@code walker} itself, or a copy with every left/right pair swapped; null for null
     */
    TrackedPerson correct(TrackedPerson walker, double t) {
        if (walker == null) {
            return null;
        }
        if (!walker.trackId().equals(trackId)) {
            trackId = walker.trackId();
            size = 0;
            facing = Facing.UNKNOWN;
        }
        PersonPose p = walker.pose();
        double stature = stature(p);
        double leftToRight = (p.x()[Joints.RIGHT_SHOULDER] - p.x()[Joints.LEFT_SHOULDER])
                + (p.x()[Joints.RIGHT_HIP] - p.x()[Joints.LEFT_HIP]);
        if (!(stature > 0) || Double.isNaN(leftToRight)) {
            return walker;
        }
        double spread = Math.abs(leftToRight) / stature;
        add(t, Math.log(stature), spread >= FRONTAL_SPREAD);
        Facing travel = travel(t);
        if (travel != Facing.UNKNOWN) {
            facing = travel;
        } else if (spread < SIDE_ON_SPREAD) {
            facing = Facing.UNKNOWN;
        }
        if (facing == Facing.UNKNOWN || spread < SWAP_SPREAD) {
            return walker;
        }
        // Seen from behind, the person's left is on the image's left: right-of-left is positive.
        boolean mirrored = facing == Facing.AWAY ? leftToRight < 0 : leftToRight > 0;
        if (!mirrored) {
            return walker;
        }
        return new TrackedPerson(walker.trackId(), swapSides(p));
    }

    /** The facing decided for the walker now. */
    Facing facing() {
        return facing;
    }

    /** Mid-shoulders to mid-ankles, vertically, in pixels; NaN when a joint is missing. */
    private static double stature(PersonPose p) {
        float[] y = p.y();
        return (y[Joints.LEFT_ANKLE] + y[Joints.RIGHT_ANKLE]) / 2.0
                - (y[Joints.LEFT_SHOULDER] + y[Joints.RIGHT_SHOULDER]) / 2.0;
    }

    private void add(double t, double v, boolean frontOn) {
        times[head] = t;
        logStature[head] = v;
        frontal[head] = frontOn;
        head = (head + 1) % CAPACITY;
        size = Math.min(size + 1, CAPACITY);
    }

    /** The facing the stature's slope over the window shows, if steep enough and the window front or back on. */
    private Facing travel(double t) {
        int n = 0;
        int frontOn = 0;
        double st = 0;
        double sv = 0;
        double first = t;
        for (int k = 1; k <= size; k++) {
            int i = (head - k + CAPACITY) % CAPACITY;
            if (t - times[i] > WINDOW_S) {
                break;
            }
            n++;
            frontOn += frontal[i] ? 1 : 0;
            st += times[i] - t;
            sv += logStature[i];
            first = times[i];
        }
        if (n < MIN_SAMPLES || t - first < MIN_SPAN_S || 2 * frontOn < n) {
            return Facing.UNKNOWN;
        }
        double mt = st / n;
        double mv = sv / n;
        double stv = 0;
        double stt = 0;
        for (int k = 1; k <= n; k++) {
            int i = (head - k + CAPACITY) % CAPACITY;
            double dt = times[i] - t - mt;
            stv += dt * (logStature[i] - mv);
            stt += dt * dt;
        }
        double slope = stv / stt;
        return slope > SLOPE_PER_S ? Facing.TOWARDS : slope < -SLOPE_PER_S ? Facing.AWAY : Facing.UNKNOWN;
    }

    /** A copy of {@code p} with every left joint and its right twin exchanged (the nose stays). */
    private static PersonPose swapSides(PersonPose p) {
        float[] x = p.x().clone();
        float[] y = p.y().clone();
        float[] s = p.score().clone();
        for (Joints.Twins twins : Joints.TWINS) {
            swap(x, twins);
            swap(y, twins);
            swap(s, twins);
        }
        return new PersonPose(p.box(), x, y, s, p.silhouetteBottom(), p.partial(), p.note());
    }

    private static void swap(float[] v, Joints.Twins twins) {
        float t = v[twins.left()];
        v[twins.left()] = v[twins.right()];
        v[twins.right()] = t;
    }
}
