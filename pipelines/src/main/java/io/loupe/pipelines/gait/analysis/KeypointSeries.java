package io.loupe.pipelines.gait.analysis;

import java.util.Arrays;

/**
 * The keypoints of one person over time: per sample a time in seconds and, per {@link Joints joint}, x and y in frame
 * pixels and a score; a joint the pose source did not give is NaN. Per sample too, where the pipeline measured it, how
 * much each foot moved in the picture since the previous frame (mean grey-level change at the ankle, NaN where not
 * measured; see {@code io.loupe.pipelines.gait.FootMotion}), and where the pose model segments the person, the frame
 * row where the silhouette ends below (NaN elsewhere; see {@code io.loupe.pipelines.gait.pose.PersonPose}). Grows by
 * doubling, so recording a frame allocates nothing in steady state. Not thread-safe: one writer (the pipeline
 * worker); {@link #copy()} for anyone else.
 */
public final class KeypointSeries {
    private double[] t;
    private final float[][] x = new float[Joints.COUNT][];
    private final float[][] y = new float[Joints.COUNT][];
    private final float[][] s = new float[Joints.COUNT][];
    private final float[][] motion = new float[2][];
    private float[] bottom;
    private int n;

    public KeypointSeries() {
        this(256);
    }

    public KeypointSeries(int capacity) {
        int c = Math.max(8, capacity);
        t = new double[c];
        for (int j = 0; j < Joints.COUNT; j++) {
            x[j] = new float[c];
            y[j] = new float[c];
            s[j] = new float[c];
        }
        motion[0] = new float[c];
        motion[1] = new float[c];
        bottom = new float[c];
    }

    /**
     * Appends one sample.
     *
     * @param time   seconds, not before the previous sample's
     * @param xs     x per joint ({@link Joints#COUNT} or at least {@link Joints#COCO} values; missing joints NaN)
     * @param ys     y per joint
     * @param scores score per joint (0..1)
     * @throws IllegalArgumentException when time goes backwards or is not finite
     */
    public void add(double time, float[] xs, float[] ys, float[] scores) {
        add(time, xs, ys, scores, Float.NaN, Float.NaN, Float.NaN);
    }

    /**
     * Appends one sample with the feet's motion in the picture and the silhouette's lower end.
     *
     * @param left             the left foot's mean grey-level change since the previous frame (NaN: not measured)
     * @param right            the right foot's
     * @param silhouetteBottom the frame row where the person's silhouette ends below (NaN: not measured)
     * @throws IllegalArgumentException when time goes backwards or is not finite
     * @see #add(double, float[], float[], float[])
     */
    public void add(double time, float[] xs, float[] ys, float[] scores, float left, float right,
            float silhouetteBottom) {
        if (!Double.isFinite(time) || (n > 0 && time < t[n - 1])) {
            throw new IllegalArgumentException("sample time " + time + " is not finite or before the previous one ("
                    + (n > 0 ? t[n - 1] : "none") + "); give samples in time order");
        }
        if (n == t.length) {
            grow();
        }
        t[n] = time;
        for (int j = 0; j < Joints.COUNT; j++) {
            boolean has = j < xs.length && !Float.isNaN(xs[j]) && !Float.isNaN(ys[j]);
            x[j][n] = has ? xs[j] : Float.NaN;
            y[j][n] = has ? ys[j] : Float.NaN;
            s[j][n] = has ? scores[j] : 0f;
        }
        motion[0][n] = left;
        motion[1][n] = right;
        bottom[n] = silhouetteBottom;
        n++;
    }

    /** Appends a sample where the person was not seen (every joint missing). */
    public void addMissing(double time) {
        if (n == t.length) {
            grow();
        }
        if (n > 0 && time < t[n - 1]) {
            throw new IllegalArgumentException("sample time " + time + " is before the previous one (" + t[n - 1] + ")");
        }
        t[n] = time;
        for (int j = 0; j < Joints.COUNT; j++) {
            x[j][n] = Float.NaN;
            y[j][n] = Float.NaN;
            s[j][n] = 0f;
        }
        motion[0][n] = Float.NaN;
        motion[1][n] = Float.NaN;
        bottom[n] = Float.NaN;
        n++;
    }

    private void grow() {
        int c = t.length * 2;
        t = Arrays.copyOf(t, c);
        for (int j = 0; j < Joints.COUNT; j++) {
            x[j] = Arrays.copyOf(x[j], c);
            y[j] = Arrays.copyOf(y[j], c);
            s[j] = Arrays.copyOf(s[j], c);
        }
        motion[0] = Arrays.copyOf(motion[0], c);
        motion[1] = Arrays.copyOf(motion[1], c);
        bottom = Arrays.copyOf(bottom, c);
    }

    public int size() {
        return n;
    }

    public double time(int i) {
        return t[i];
    }

    public float x(int joint, int i) {
        return x[joint][i];
    }

    public float y(int joint, int i) {
        return y[joint][i];
    }

    public float score(int joint, int i) {
        return s[joint][i];
    }

    /** How much the left (0) or right (1) foot moved in the picture since the previous frame; NaN: not measured. */
    public float footMotion(int foot, int i) {
        return motion[foot][i];
    }

    /** The frame row where the person's silhouette ends below (the lower foot's sole); NaN: not measured. */
    public float silhouetteBottom(int i) {
        return bottom[i];
    }

    /**
     * Appends samples {@code from} (inclusive) to {@code to} (exclusive) of another series, growing by doubling (so
     * that a buffer reused for series after series stops allocating once it is as long as the longest).
     *
     * @throws IllegalArgumentException when the range is outside {@code other}, or its first sample is before this
     *                                  series' last
     */
    public void append(KeypointSeries other, int from, int to) {
        if (from < 0 || to > other.n || from > to) {
            throw new IllegalArgumentException("samples " + from + ".." + to + " are outside 0.." + other.n);
        }
        if (to > from && n > 0 && other.t[from] < t[n - 1]) {
            throw new IllegalArgumentException("sample time " + other.t[from] + " is before the previous one ("
                    + t[n - 1] + "); give samples in time order");
        }
        int count = to - from;
        while (n + count > t.length) {
            grow();
        }
        System.arraycopy(other.t, from, t, n, count);
        for (int j = 0; j < Joints.COUNT; j++) {
            System.arraycopy(other.x[j], from, x[j], n, count);
            System.arraycopy(other.y[j], from, y[j], n, count);
            System.arraycopy(other.s[j], from, s[j], n, count);
        }
        System.arraycopy(other.motion[0], from, motion[0], n, count);
        System.arraycopy(other.motion[1], from, motion[1], n, count);
        System.arraycopy(other.bottom, from, bottom, n, count);
        n += count;
    }

    /**
     * Forgets the first {@code count} samples, keeping the buffers (the rest move to the front).
     *
     * @throws IllegalArgumentException when {@code count} is negative or more than the samples there are
     */
    public void removeFirst(int count) {
        if (count < 0 || count > n) {
            throw new IllegalArgumentException("cannot remove " + count + " of " + n + " samples");
        }
        int rest = n - count;
        System.arraycopy(t, count, t, 0, rest);
        for (int j = 0; j < Joints.COUNT; j++) {
            System.arraycopy(x[j], count, x[j], 0, rest);
            System.arraycopy(y[j], count, y[j], 0, rest);
            System.arraycopy(s[j], count, s[j], 0, rest);
        }
        System.arraycopy(motion[0], count, motion[0], 0, rest);
        System.arraycopy(motion[1], count, motion[1], 0, rest);
        System.arraycopy(bottom, count, bottom, 0, rest);
        n = rest;
    }

    /** Forgets every sample, keeping the buffers. */
    public void clear() {
        n = 0;
    }

    /** Samples {@code from} (inclusive) to {@code to} (exclusive) as a new series. */
    public KeypointSeries slice(int from, int to) {
        if (from < 0 || to > n || from > to) {
            throw new IllegalArgumentException("slice " + from + ".." + to + " is outside 0.." + n);
        }
        KeypointSeries out = new KeypointSeries(to - from);
        System.arraycopy(t, from, out.t, 0, to - from);
        for (int j = 0; j < Joints.COUNT; j++) {
            System.arraycopy(x[j], from, out.x[j], 0, to - from);
            System.arraycopy(y[j], from, out.y[j], 0, to - from);
            System.arraycopy(s[j], from, out.s[j], 0, to - from);
        }
        System.arraycopy(motion[0], from, out.motion[0], 0, to - from);
        System.arraycopy(motion[1], from, out.motion[1], 0, to - from);
        System.arraycopy(bottom, from, out.bottom, 0, to - from);
        out.n = to - from;
        return out;
    }

    /** A copy of every sample. */
    public KeypointSeries copy() {
        return slice(0, n);
    }
}
