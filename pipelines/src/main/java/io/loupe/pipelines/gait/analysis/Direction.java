package io.loupe.pipelines.gait.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a bout into straight stretches by walking direction. Side view: the sign of the hip centre's horizontal
 * velocity, where it exceeds {@value #MIN_SPEED_BH} body heights per second, in stretches that progress at least
 * {@value #MIN_PROGRESSION_BH} H. Frontal view: the sign of the change of the walker's apparent size (growing: towards
 * the camera, shrinking: away from it), where it is at least {@value #MIN_SCALE_RATE} per second, the body is square
 * to the camera (the shoulders' and hips' width across the image, whichever way they are ordered, at least
 * {@value #MIN_WIDTH} H) and not turning ({@value #TURN_RATE} H/s, {@link Freezes#rotating}): so turning on the spot
 * is not straight walking, and a turn begins as the body starts to rotate, before the direction flips. The
 * order of the shoulders and hips is not used: a pose model may take a back view for a front view (mirrored labels).
 * Where no stretch progresses, {@link #inPlace} finds the straight walking.
 */
final class Direction {
    static final double MIN_SPEED_BH = 0.03;
    /** Frontal view: least width of shoulders plus twice the hips across the image, body heights (square-on: ~0.45). */
    static final double MIN_WIDTH = 0.15;
    /**
     * Frontal view: least rate of change of log body height (per second) that counts as walking: a slow walker
     * (0.4 m/s) 6 m from the camera still does (0.067/s); the drift of a turn on the spot mostly does not.
     */
    static final double MIN_SCALE_RATE = 0.05;
    /**
     * Frontal view: least change of the log of the apparent size over a stretch (0.1: about 40 cm at 4 m), so that the
     * drift of a turn on the spot is not a stretch.
     */
    static final double MIN_SCALE_CHANGE = 0.1;
    /**
     * Frontal view: a stretch ends where the body turns about its vertical axis faster than this (signed width of
     * shoulders and hips, H/s; a 180° turn in 3 s peaks near 0.47): the steps a walker turns on while still drawing
     * nearer or further are turn steps, shorter and quicker than straight ones.
     */
    static final double TURN_RATE = 0.2;
    /** Side view: least progression of a stretch, body heights. */
    static final double MIN_PROGRESSION_BH = 0.2;
    /** Pauses in the direction signal shorter than this are bridged, seconds. */
    static final double BRIDGE_S = 0.3;
    /** Stretches shorter than this are dropped, seconds. */
    static final double MIN_STRETCH_S = 0.5;

    private Direction() {
    }

    /** The direction per sample: +1, -1, or 0 (standing, turning side-on, not seen). */
    static int[] perSample(Tracks k, View view) {
        int[] dir = new int[k.n];
        if (view == View.SIDE) {
            double[] pos = new double[k.n];
            for (int i = 0; i < k.n; i++) {
                pos[i] = k.hipX[i] / k.h[i];
            }
            double[] v = Signals.smooth(Signals.derivative(pos, k.t, k.samples(0.25)), k.samples(0.25));
            for (int i = 0; i < k.n; i++) {
                dir[i] = v[i] > MIN_SPEED_BH ? 1 : v[i] < -MIN_SPEED_BH ? -1 : 0;
            }
        } else {
            double[] lnh = new double[k.n];
            for (int i = 0; i < k.n; i++) {
                lnh[i] = Math.log(k.h[i]);
            }
            double[] rate = Signals.smooth(Signals.derivative(lnh, k.t, k.samples(0.5)), k.samples(0.25));
            boolean[] square = squareOn(k);
            for (int i = 0; i < k.n; i++) {
                dir[i] = !square[i] ? 0 : rate[i] > MIN_SCALE_RATE ? 1 : rate[i] < -MIN_SCALE_RATE ? -1 : 0;
            }
        }
        return dir;
    }

    /**
     * Frontal view, per sample: is the body square to the camera (the shoulders' and hips' width across the image,
     * whichever way they are ordered, at least {@value #MIN_WIDTH} H) and not turning ({@value #TURN_RATE} H/s)?
     */
    private static boolean[] squareOn(Tracks k) {
        double[] width = new double[k.n];
        for (int i = 0; i < k.n; i++) {
            double s = Math.abs(k.x[Joints.LEFT_SHOULDER][i] - k.x[Joints.RIGHT_SHOULDER][i]);
            double hp = Math.abs(k.x[Joints.LEFT_HIP][i] - k.x[Joints.RIGHT_HIP][i]);
            double sum = (Double.isNaN(s) ? 0 : s) + (Double.isNaN(hp) ? 0 : 2 * hp);
            width[i] = Double.isNaN(s) && Double.isNaN(hp) ? Double.NaN : sum / k.h[i];
        }
        width = Signals.smooth(width, k.samples(0.15));
        boolean[] turning = Freezes.rotating(k, TURN_RATE);
        boolean[] square = new boolean[k.n];
        for (int i = 0; i < k.n; i++) {
            square[i] = width[i] >= MIN_WIDTH && !turning[i];
        }
        return square;
    }

    /** Straight stretches: runs of one direction, pauses under {@value #BRIDGE_S} s bridged, short runs dropped. */
    static List<Stretch> stretches(Tracks k, int[] dir, View view) {
        List<Stretch> runs = runs(k, dir);
        if (view == View.SIDE) {
            runs.removeIf(s -> Math.abs(k.hipX[s.to() - 1] - k.hipX[s.from()]) / k.h[s.from()]
                    < MIN_PROGRESSION_BH);
        } else {
            runs.removeIf(s -> Math.abs(Math.log(k.h[s.to() - 1] / k.h[s.from()])) < MIN_SCALE_CHANGE);
        }
        return runs;
    }

    /** Runs of one non-zero value of {@code dir}, pauses under {@value #BRIDGE_S} s bridged, short runs dropped. */
    private static List<Stretch> runs(Tracks k, int[] dir) {
        List<Stretch> raw = new ArrayList<>();
        int i = 0;
        while (i < k.n) {
            if (dir[i] == 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < k.n && dir[i] == dir[start]) {
                i++;
            }
            raw.add(new Stretch(start, i, dir[start]));
        }
        List<Stretch> merged = new ArrayList<>();
        for (Stretch s : raw) {
            if (!merged.isEmpty()) {
                Stretch prev = merged.get(merged.size() - 1);
                if (prev.dir() == s.dir() && k.t[s.from()] - k.t[prev.to() - 1] <= BRIDGE_S) {
                    merged.set(merged.size() - 1, new Stretch(prev.from(), s.to(), s.dir()));
                    continue;
                }
            }
            merged.add(s);
        }
        merged.removeIf(s -> k.t[s.to() - 1] - k.t[s.from()] < MIN_STRETCH_S);
        return merged;
    }

    /**
     * When no stretch progresses: walking in place (a treadmill, stepping on the spot), or towards or away from the
     * camera too slowly for the apparent size to tell (a shuffler at 0.1 m/s, 5 m away, grows 2 % a second). Side view:
     * the whole bout is one stretch. Frontal view: each run of samples where the body is square to the camera and not
     * turning ({@link #squareOn}) is one, so that a turn on the spot is never straight walking. A stretch's direction
     * is the way the body faces over it — frontal: the order of the hips across the image; side: toes ahead of the
     * heels (BlazePose), else the nose ahead of the ears; +1 when neither is seen. Empty when the bout is too short.
     */
    static List<Stretch> inPlace(Tracks k, View view) {
        if (k.n < 2 || k.t[k.n - 1] - k.t[0] < MIN_STRETCH_S) {
            return List.of();
        }
        if (view == View.FRONTAL) {
            boolean[] square = squareOn(k);
            int[] on = new int[k.n];
            for (int i = 0; i < k.n; i++) {
                on[i] = square[i] ? 1 : 0;
            }
            List<Stretch> out = new ArrayList<>();
            for (Stretch s : runs(k, on)) {
                out.add(new Stretch(s.from(), s.to(), facing(k, view, s.from(), s.to())));
            }
            return out;
        }
        return List.of(new Stretch(0, k.n, facing(k, view, 0, k.n)));
    }

    /** The way the body faces over samples [from, to): +1 or -1 (see {@link #inPlace}). */
    private static int facing(Tracks k, View view, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double v;
            if (view == View.FRONTAL) {
                v = k.x[Joints.LEFT_HIP][i] - k.x[Joints.RIGHT_HIP][i];
            } else {
                double toes = (k.x[Joints.LEFT_TOE][i] - k.x[Joints.LEFT_HEEL][i])
                        + (k.x[Joints.RIGHT_TOE][i] - k.x[Joints.RIGHT_HEEL][i]);
                double face = k.x[Joints.NOSE][i] - (k.x[3][i] + k.x[4][i]) / 2;
                v = !Double.isNaN(toes) ? toes : face;
            }
            if (!Double.isNaN(v)) {
                sum += v;
            }
        }
        return sum < 0 ? -1 : 1;
    }
}
