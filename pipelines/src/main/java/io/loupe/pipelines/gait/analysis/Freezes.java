package io.loupe.pipelines.gait.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Freezing of gait: both feet still (each moves less than {@code stillBh} body heights, in x and y, within
 * ±{@value #HALF_WINDOW_S} s, after smoothing over ±{@value #PRE_SMOOTH_S} s; and, where the pipeline measured the
 * feet's motion in the picture in {@value FeetInPicture#MIN_COVERAGE} of the bout, still there too,
 * {@link #stillInPicture}) for at least {@code minFreezeS}, with
 * the feet moving before and after it inside the bout, and the body not turning about its vertical axis
 * ({@link #rotating}); standing at a bout's start or end is not freezing. The walker's trembling (knee trembling,
 * festination in place) moves the pelvis, not the feet. Freezing as defined by Nutt et al., Lancet Neurol 10, 2011:
 * a brief episodic absence or marked reduction of forward progression of the feet despite the intention to walk.
 */
final class Freezes {
    static final double HALF_WINDOW_S = 0.25;
    /** The feet's tracks are smoothed over ± this many seconds first, so that keypoint jitter is not motion. */
    static final double PRE_SMOOTH_S = 0.15;
    /** Change of the shoulders' and hips' signed width (body heights per second) above which the body is turning. */
    static final double ROTATION_RATE = 0.08;

    private Freezes() {
    }

    /** Per sample: are both feet still around it? (false where a foot is not seen). */
    static boolean[] still(Tracks k, double stillBh) {
        int half = k.samples(HALF_WINDOW_S);
        double[][] fx = new double[2][];
        double[][] fy = new double[2][];
        for (Foot foot : Foot.values()) {
            int j = k.footJoint(foot, 0, k.n);
            fx[foot.ordinal()] = Signals.smooth(k.x[j], k.samples(PRE_SMOOTH_S));
            fy[foot.ordinal()] = Signals.smooth(k.y[j], k.samples(PRE_SMOOTH_S));
        }
        boolean[] rotating = rotating(k, ROTATION_RATE);
        boolean[] out = new boolean[k.n];
        for (int i = 0; i < k.n; i++) {
            boolean still = !rotating[i];
            for (Foot foot : Foot.values()) {
                double minX = Double.POSITIVE_INFINITY;
                double maxX = Double.NEGATIVE_INFINITY;
                double minY = Double.POSITIVE_INFINITY;
                double maxY = Double.NEGATIVE_INFINITY;
                for (int m = Math.max(0, i - half); m <= Math.min(k.n - 1, i + half); m++) {
                    double px = fx[foot.ordinal()][m];
                    double py = fy[foot.ordinal()][m];
                    if (Double.isNaN(px) || Double.isNaN(py)) {
                        still = false;
                        break;
                    }
                    minX = Math.min(minX, px);
                    maxX = Math.max(maxX, px);
                    minY = Math.min(minY, py);
                    maxY = Math.max(maxY, py);
                }
                double limit = stillBh * k.h[i];
                if (!still || maxX - minX > limit || maxY - minY > limit) {
                    still = false;
                    break;
                }
            }
            out[i] = still;
        }
        if (k.motionMeasured(List.of(new Stretch(0, k.n, 1)))) {
            boolean[] pictured = stillInPicture(k);
            for (int i = 0; i < k.n; i++) {
                out[i] &= pictured[i];
            }
        }
        return out;
    }

    /**
     * Per sample: are both feet still in the picture? Still where no foot steps ({@link FeetInPicture#stepping}): the
     * more moving foot's change averaged over ±{@value #HALF_WINDOW_S} s against the bout's resting level, the median
     * of the less moving foot's.
     */
    private static boolean[] stillInPicture(Tracks k) {
        double[] low = new double[k.n];
        double[] moving = new double[k.n];
        for (int i = 0; i < k.n; i++) {
            low[i] = Math.min(k.motion[0][i], k.motion[1][i]);
            moving[i] = Math.max(k.motion[0][i], k.motion[1][i]);
        }
        double rest = Signals.quantile(low, 0.5);
        moving = Signals.smooth(moving, k.samples(HALF_WINDOW_S));
        boolean[] out = new boolean[k.n];
        for (int i = 0; i < k.n; i++) {
            out[i] = !FeetInPicture.stepping(moving[i], rest);
        }
        return out;
    }

    /**
     * Per sample: is the body turning about its vertical axis? The signed width of shoulders and hips across the
     * image (shoulders plus twice the hips, body heights: about 0.45 square-on) changes faster than {@code limit} H/s,
     * smoothed over ±0.25 s. Freezing uses {@value #ROTATION_RATE} (turning on the spot moves the feet little, but it
     * is not freezing); {@link Direction} a higher rate to end a frontal stretch where a turn begins.
     */
    static boolean[] rotating(Tracks k, double limit) {
        double[] w = new double[k.n];
        for (int i = 0; i < k.n; i++) {
            double s = k.x[Joints.LEFT_SHOULDER][i] - k.x[Joints.RIGHT_SHOULDER][i];
            double hp = k.x[Joints.LEFT_HIP][i] - k.x[Joints.RIGHT_HIP][i];
            w[i] = ((Double.isNaN(s) ? 0 : s) + (Double.isNaN(hp) ? 0 : 2 * hp)) / k.h[i];
        }
        double[] rate = Signals.smooth(Signals.derivative(w, k.t, k.samples(0.25)), k.samples(0.25));
        boolean[] out = new boolean[k.n];
        for (int i = 0; i < k.n; i++) {
            out[i] = Math.abs(rate[i]) > limit;
        }
        return out;
    }

    /**
     * Episodes: runs of {@code still} samples inside the bout, padded by {@value #HALF_WINDOW_S} s each side (the
     * stillness test's half window), at least {@code minFreezeS} long; episodes that overlap once padded are one.
     */
    static List<FreezeEpisode> find(Tracks k, boolean[] still, double minFreezeS) {
        List<FreezeEpisode> out = new ArrayList<>();
        int i = 0;
        double pad = HALF_WINDOW_S;
        while (i < k.n) {
            if (!still[i]) {
                i++;
                continue;
            }
            int start = i;
            while (i < k.n && still[i]) {
                i++;
            }
            boolean inside = start > 0 && i < k.n;
            double from = Math.max(k.t[0], k.t[start] - pad);
            double to = Math.min(k.t[k.n - 1], k.t[i - 1] + pad);
            if (inside && to - from >= minFreezeS) {
                FreezeEpisode last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last != null && from <= last.endS()) {
                    // a moment of motion shorter than the padding (a keypoint's jump) does not end an episode
                    out.set(out.size() - 1, new FreezeEpisode(last.startS(), to, to - last.startS()));
                } else {
                    out.add(new FreezeEpisode(from, to, to - from));
                }
            }
        }
        return out;
    }
}
