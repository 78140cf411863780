package io.loupe.pipelines.gait.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Heel strikes from foot trajectories, within straight stretches.
 *
 * <ul>
 *   <li>Side view: a foot strikes when it is furthest ahead of the pelvis: peaks of (heel x - hip-centre x) along the
 *       walking direction (Zeni, Richards and Higginson, Gait &amp; Posture 27, 2008, "Two simple methods for
 *       determining gait events during treadmill and overground walking using kinematic data"; applied to 2-D pose
 *       keypoints by Stenum, Rossi and Roemmich, PLoS Comput Biol 17, 2021, "Two-dimensional video-based analysis of
 *       human gait using pose estimation"). The ankle stands in for the heel when the pose model has no heels.</li>
 *   <li>Frontal view: the leading foot is nearer to (walking towards) or further from (walking away) the camera, so
 *       lower or higher in the picture: peaks of the vertical distance between the feet, signed by direction (the
 *       inter-ankle distance method used for frontal video, e.g. Stenum et al.'s frontal-plane analysis).</li>
 * </ul>
 * Peaks are local maxima within ±{@value #MIN_SEPARATION_S} s, or ±{@value #PERIOD_SHARE} of the stride period
 * where the signal's autocorrelation shows one (in a frontal view, where the signal is weaker, a stretch without a
 * stride period gives no heel strikes rather than noise), with a prominence of at least
 * {@value #MIN_PROMINENCE_BH} H and at least {@value #RELATIVE_PROMINENCE} of the signal's 5–95 % range in the
 * stretch, so that the trembling of a frozen walker makes none.
 */
final class HeelStrikes {
    static final double MIN_SEPARATION_S = 0.25;
    static final double MIN_PROMINENCE_BH = 0.015;
    static final double RELATIVE_PROMINENCE = 0.25;
    static final double MIN_STRIDE_S = 0.6;
    static final double MAX_STRIDE_S = 3.0;
    /** A heel strike is the largest value within ± this share of the stride period. */
    static final double PERIOD_SHARE = 0.35;
    /** Least autocorrelation at the stride period for it to count. */
    static final double MIN_CORRELATION = 0.3;

    /**
     * The stride period in samples: the first autocorrelation peak of the signal between {@code minLag} and
     * {@code maxLag} (and half the signal's length), at least {@value #MIN_CORRELATION}; -1 when there is none.
     */
    static int period(double[] v, int minLag, int maxLag) {
        double mean = 0;
        int count = 0;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                mean += d;
                count++;
            }
        }
        if (count < 2 * minLag) {
            return -1;
        }
        mean /= count;
        double var = 0;
        for (double d : v) {
            if (!Double.isNaN(d)) {
                var += (d - mean) * (d - mean);
            }
        }
        int last = Math.min(maxLag, v.length / 2);
        double[] r = new double[last + 2];
        for (int lag = minLag - 1; lag <= last + 1 && lag < v.length; lag++) {
            double sum = 0;
            for (int i = 0; i + lag < v.length; i++) {
                if (!Double.isNaN(v[i]) && !Double.isNaN(v[i + lag])) {
                    sum += (v[i] - mean) * (v[i + lag] - mean);
                }
            }
            r[lag] = var == 0 ? 0 : sum / var;
        }
        for (int lag = minLag; lag <= last; lag++) {
            if (r[lag] >= MIN_CORRELATION && r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1]) {
                return lag;
            }
        }
        return -1;
    }

    private HeelStrikes() {
    }

    static List<HeelStrike> find(Tracks k, View view, List<Stretch> stretches) {
        List<HeelStrike> out = new ArrayList<>();
        for (Stretch s : stretches) {
            if (view == View.SIDE) {
                for (Foot foot : Foot.values()) {
                    int j = k.footJoint(foot, s.from(), s.to());
                    double[] sig = new double[k.n];
                    for (int i = 0; i < k.n; i++) {
                        sig[i] = (k.x[j][i] - k.hipX[i]) * s.dir() / k.h[i];
                    }
                    peaks(k, view, sig, s, foot, out);
                }
            } else {
                int l = k.footJoint(Foot.LEFT, s.from(), s.to());
                int r = k.footJoint(Foot.RIGHT, s.from(), s.to());
                double[] sig = new double[k.n];
                double[] neg = new double[k.n];
                for (int i = 0; i < k.n; i++) {
                    sig[i] = (k.y[l][i] - k.y[r][i]) * s.dir() / k.h[i];
                    neg[i] = -sig[i];
                }
                peaks(k, view, sig, s, Foot.LEFT, out);
                peaks(k, view, neg, s, Foot.RIGHT, out);
            }
        }
        out.sort(Comparator.comparingDouble(HeelStrike::time));
        return out;
    }

    private static void peaks(Tracks k, View view, double[] sig, Stretch s, Foot foot, List<HeelStrike> out) {
        double[] part = new double[s.to() - s.from()];
        System.arraycopy(sig, s.from(), part, 0, part.length);
        double range = Signals.quantile(part, 0.95) - Signals.quantile(part, 0.05);
        if (Double.isNaN(range)) {
            return;
        }
        double prominence = Math.max(MIN_PROMINENCE_BH, RELATIVE_PROMINENCE * range);
        int separation = k.samples(MIN_SEPARATION_S);
        int period = period(part, k.samples(MIN_STRIDE_S), k.samples(MAX_STRIDE_S));
        if (period > 0) {
            separation = Math.max(separation, (int) Math.round(PERIOD_SHARE * period));
        } else if (view == View.FRONTAL) {
            return;
        }
        for (int i : Signals.peaks(sig, s.from(), s.to(), separation, prominence)) {
            out.add(new HeelStrike(k.t[i], foot));
        }
    }
}
