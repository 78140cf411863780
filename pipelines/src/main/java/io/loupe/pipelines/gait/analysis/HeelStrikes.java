package io.loupe.pipelines.gait.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Heel strikes from foot trajectories, within walking segments (straight stretches without their freezing episodes,
 * see {@link Segments}): no heel strike is looked for while the walker is frozen, turning or standing. (A side-view
 * walker whose feet stay too close for the keypoints to separate is timed from the picture instead:
 * {@link PictureSteps}.)
 *
 * <ul>
 *   <li>Side view: a foot strikes when it is furthest ahead of the pelvis: peaks of (heel x - hip-centre x) along the
 *       walking direction (Zeni, Richards and Higginson, Gait &amp; Posture 27, 2008, "Two simple methods for
 *       determining gait events during treadmill and overground walking using kinematic data"; applied to 2-D pose
 *       keypoints by Stenum, Rossi and Roemmich, PLoS Comput Biol 17, 2021, "Two-dimensional video-based analysis of
 *       human gait using pose estimation"). The ankle stands in for the heel when the pose model has no heels.</li>
 *   <li>Frontal view: the leading foot is nearer to (walking towards) or further from (walking away) the camera, so
 *       lower or higher in the picture: peaks of the vertical distance between the ankles, signed by direction (the
 *       inter-ankle distance method used for frontal video, e.g. Stenum et al.'s frontal-plane analysis). Ankles, not
 *       heels: the trailing heel rising before toe-off moves up the picture, which lengthens the distance walking
 *       towards the camera and shortens it walking away, shifting the peaks by up to a fifth of a step.</li>
 * </ul>
 * The stride period comes from the autocorrelation of the same signals, pooled over all of the bout's walking segments
 * ({@link #period}), so that short segments (a few steps between turns) still get one; in a frontal view where the
 * pipeline measured the feet's motion in the picture, from that instead ({@link #swing}): a frontal shuffler's ankles
 * move 3-4 pixels over a step, about as much as a pose model's ankle keypoints jitter, while the picture of a swinging
 * foot changes in every frame and that of a planted foot does not. The stride period is checked against the step
 * period of a label-free signal — in a side view the leading foot's lead over the pelvis (whichever foot is ahead), in
 * a frontal view how far apart the feet are vertically (whichever is lower; from the picture, the size of
 * {@link #swing}): a pose model that names the legs the wrong
 * way round in runs of frames can make each foot's rhythm repeat every second stride (BlazePose did on a held-out walk:
 * cadence halved), or leave no rhythm at all (BlazePose heavy on a back view, seed 2101 walk 8); a stride period near
 * four steps is taken as two, and where there is none, two steps are a stride. Peaks are local maxima within
 * ±{@value #MIN_SEPARATION_S} s, or ±{@value #PERIOD_SHARE} of the stride period when there is one (in a frontal view,
 * where the signal is weaker, a bout without a stride period gives no heel strikes rather than noise), with a
 * prominence of at least {@value #MIN_PROMINENCE_BH} H and at least {@value #RELATIVE_PROMINENCE} of the signal's
 * 5–95 % range in the segment, timed between samples. Two heel strikes closer than {@value #MIN_STEP_SHARE} of a stride
 * (or than {@value #MIN_STEP_S} s) cannot both be steps: the one of the foot the pose model saw less well (in a side
 * view the far foot, whose keypoints a pose model tends to pull onto the near foot) is dropped.
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
    /** Side view: a stride period within this share of four step periods is two strides, not one. */
    static final double STRIDE_AGREEMENT = 0.25;
    /** Lags need this many seconds of overlapping samples in the longest segment. */
    static final double MIN_OVERLAP_S = 0.5;
    /** Consecutive heel strikes closer than this share of the stride period are not two steps. */
    static final double MIN_STEP_SHARE = 0.3;
    /** ... nor closer than this, seconds (240 steps/min). */
    static final double MIN_STEP_S = 0.25;
    /** A plateau (a foot landing before a freeze) begins where the signal is within this share of its rise. */
    static final double PLATEAU_SHARE = 0.1;

    private HeelStrikes() {
    }

    /** A candidate heel strike: sample, foot, and how well the pose model saw that foot in its segment. */
    private record Peak(int index, double at, Foot foot, double seen) {
    }

    /**
     * The stride period in samples (fractional: the autocorrelation peak is refined by a parabola through its
     * neighbours) of each foot's lead over the pelvis (side view) or of the feet's vertical distance apart (frontal
     * view; their motion in the picture where {@code pictured}, see {@link #rhythm}), pooled over the segments (and
     * feet): each segment's mean is removed, products are summed over pairs within a segment, and each lag is
     * normalised by its number of pairs. The first peak between {@value #MIN_STRIDE_S} and {@value #MAX_STRIDE_S} s
     * (and no longer than the longest segment less {@value #MIN_OVERLAP_S} s) of at least {@value #MIN_CORRELATION}.
     * Twice the label-free step period instead where the stride period is about four of them or was not found; NaN
     * when neither is.
     *
     * @param pictured whether to use the feet's motion in the picture (frontal view, {@link #rhythm})
     */
    static double period(Tracks k, View view, List<Stretch> segments, boolean pictured) {
        List<double[]> parts = new ArrayList<>();
        List<double[]> labelFree = new ArrayList<>();
        int longest = 0;
        for (Stretch s : segments) {
            longest = Math.max(longest, s.to() - s.from());
            if (pictured) {
                double[] swing = swing(k, s);
                addCentred(labelFree, magnitudes(swing));
                addCentred(parts, swing);
            } else if (view == View.SIDE) {
                double[] l = aheadOfPelvis(k, k.footJoint(Foot.LEFT, s.from(), s.to()), s);
                double[] r = aheadOfPelvis(k, k.footJoint(Foot.RIGHT, s.from(), s.to()), s);
                double[] lead = leading(l, r);
                addCentred(parts, l);
                addCentred(parts, r);
                addCentred(labelFree, lead);
            } else {
                double[] apart = feetApart(k, s);
                addCentred(labelFree, magnitudes(apart));
                addCentred(parts, apart);
            }
        }
        int maxLag = longest - k.samples(MIN_OVERLAP_S);
        double stride = period(parts, k.samples(MIN_STRIDE_S), Math.min(k.samples(MAX_STRIDE_S), maxLag));
        double step = period(labelFree, k.samples(MIN_STRIDE_S / 2), Math.min(k.samples(MAX_STRIDE_S / 2), maxLag));
        if (Double.isNaN(stride) || Math.abs(stride / (4 * step) - 1) <= STRIDE_AGREEMENT) {
            return 2 * step;
        }
        return stride;
    }

    /** The absolute values of a signed signal (the label-free reading of a signal signed by foot). */
    private static double[] magnitudes(double[] d) {
        double[] out = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            out[i] = Math.abs(d[i]);
        }
        return out;
    }

    /** Adds {@code d} to {@code parts} with its mean removed (in place), when it has at least two values. */
    private static void addCentred(List<double[]> parts, double[] d) {
        double mean = 0;
        int count = 0;
        for (double v : d) {
            if (!Double.isNaN(v)) {
                mean += v;
                count++;
            }
        }
        if (count < 2) {
            return;
        }
        mean /= count;
        for (int i = 0; i < d.length; i++) {
            d[i] -= mean;
        }
        parts.add(d);
    }

    /** The pooled autocorrelation peak of zero-mean {@code parts} between the lags; NaN when there is none. */
    static double period(List<double[]> parts, int minLag, int maxLag) {
        if (maxLag < minLag + 1 || minLag < 2) {
            return Double.NaN;
        }
        double var = 0;
        int count = 0;
        for (double[] d : parts) {
            for (double v : d) {
                if (!Double.isNaN(v)) {
                    var += v * v;
                    count++;
                }
            }
        }
        if (count < 2 * minLag || var == 0) {
            return Double.NaN;
        }
        var /= count;
        double[] r = new double[maxLag + 2];
        for (int lag = minLag - 1; lag <= maxLag + 1; lag++) {
            double sum = 0;
            int pairs = 0;
            for (double[] d : parts) {
                for (int i = 0; i + lag < d.length; i++) {
                    if (!Double.isNaN(d[i]) && !Double.isNaN(d[i + lag])) {
                        sum += d[i] * d[i + lag];
                        pairs++;
                    }
                }
            }
            r[lag] = pairs < minLag / 2 ? Double.NaN : sum / pairs / var;
        }
        for (int lag = minLag; lag <= maxLag; lag++) {
            if (r[lag] >= MIN_CORRELATION && !(r[lag - 1] > r[lag]) && !(r[lag + 1] > r[lag])) {
                return lag + Signals.vertexOffset(r, lag);
            }
        }
        return Double.NaN;
    }

    /**
     * Side view: how far the leading foot (whichever is ahead) is ahead of the hip centre along the walking direction,
     * body heights; NaN where either foot is.
     */
    static double[] lead(Tracks k, Stretch s) {
        return leading(aheadOfPelvis(k, k.footJoint(Foot.LEFT, s.from(), s.to()), s),
                aheadOfPelvis(k, k.footJoint(Foot.RIGHT, s.from(), s.to()), s));
    }

    /** Per sample the larger of two feet's leads; NaN where either is. */
    private static double[] leading(double[] left, double[] right) {
        double[] out = new double[left.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(left[i], right[i]);
        }
        return out;
    }

    /** Side view: how far a foot joint is ahead of the hip centre along the walking direction, body heights. */
    private static double[] aheadOfPelvis(Tracks k, int joint, Stretch s) {
        double[] d = new double[s.to() - s.from()];
        for (int i = s.from(); i < s.to(); i++) {
            d[i - s.from()] = (k.x[joint][i] - k.hipX[i]) * s.dir() / k.h[i];
        }
        return d;
    }

    /**
     * The stride period in samples ({@link #period}, NaN when none is found) and whether it came from the feet's motion
     * in the picture.
     */
    record Rhythm(double period, boolean pictured) {
    }

    /**
     * The stride period: from the feet's motion in the picture ({@link #swing}) in a frontal view where both feet's
     * motion was measured in {@value FeetInPicture#MIN_COVERAGE} of the walking segments' samples and it shows one;
     * else, and where the picture shows the feet but no rhythm (a shuffler's steps too small to see), from the
     * keypoints.
     */
    static Rhythm rhythm(Tracks k, View view, List<Stretch> segments) {
        if (view == View.FRONTAL && k.motionMeasured(segments)) {
            double pictured = period(k, view, segments, true);
            if (!Double.isNaN(pictured)) {
                return new Rhythm(pictured, true);
            }
        }
        return new Rhythm(period(k, view, segments, false), false);
    }

    /**
     * From the feet's motion in the picture: the running sum over the segment of how much more the left foot moved than
     * the right (unmeasured samples add nothing), less its least-squares line. It rises while the left foot swings and
     * falls while the right one does, so it repeats once a stride like the feet's distance apart, but from the picture
     * rather than from the ankles' keypoints; changes of the whole picture (light, a compressed video's key frames)
     * move both feet alike and cancel.
     */
    private static double[] swing(Tracks k, Stretch s) {
        int n = s.to() - s.from();
        double[] d = new double[n];
        double[] t = Arrays.copyOfRange(k.t, s.from(), s.to());
        double run = 0;
        for (int i = 0; i < n; i++) {
            double step = k.motion[0][s.from() + i] - k.motion[1][s.from() + i];
            run += Double.isNaN(step) ? 0 : step;
            d[i] = run;
        }
        double slope = Signals.slope(t, d, 0, n);
        double mean = 0;
        for (int i = 0; i < n; i++) {
            d[i] -= Double.isNaN(slope) ? 0 : slope * t[i];
            mean += d[i] / n;
        }
        for (int i = 0; i < n; i++) {
            d[i] -= mean;
        }
        return d;
    }

    /** Frontal view: the feet's vertical distance apart, signed by walking direction, body heights. */
    private static double[] feetApart(Tracks k, Stretch s) {
        int l = Foot.LEFT.ankle();
        int r = Foot.RIGHT.ankle();
        double[] d = new double[s.to() - s.from()];
        for (int i = s.from(); i < s.to(); i++) {
            d[i - s.from()] = (k.y[l][i] - k.y[r][i]) * s.dir() / k.h[i];
        }
        return d;
    }

    /**
     * Heel strikes in the walking segments, in time order.
     *
     * @param period the stride period in samples ({@link #period}), NaN when none was found
     */
    static List<HeelStrike> find(Tracks k, View view, List<Stretch> segments, List<FreezeEpisode> freezes,
                                 double period) {
        List<HeelStrike> out = new ArrayList<>();
        if (view == View.FRONTAL && Double.isNaN(period)) {
            return out;
        }
        int separation = k.samples(MIN_SEPARATION_S);
        if (!Double.isNaN(period)) {
            separation = Math.max(separation, (int) Math.round(PERIOD_SHARE * period));
        }
        double minGap = Math.max(MIN_STEP_S * k.fps, Double.isNaN(period) ? 0 : MIN_STEP_SHARE * period);
        for (Stretch s : segments) {
            int reach = Segments.restsUntil(k, s, freezes);
            List<Peak> peaks = new ArrayList<>();
            if (view == View.SIDE) {
                for (Foot foot : Foot.values()) {
                    int j = k.footJoint(foot, s.from(), s.to());
                    double[] sig = new double[k.n];
                    for (int i = 0; i < k.n; i++) {
                        sig[i] = (k.x[j][i] - k.hipX[i]) * s.dir() / k.h[i];
                    }
                    peaks(k, sig, s, reach, foot, seen(k, j, s), separation, peaks);
                }
            } else {
                int l = Foot.LEFT.ankle();
                int r = Foot.RIGHT.ankle();
                double[] sig = new double[k.n];
                double[] neg = new double[k.n];
                for (int i = 0; i < k.n; i++) {
                    sig[i] = (k.y[l][i] - k.y[r][i]) * s.dir() / k.h[i];
                    neg[i] = -sig[i];
                }
                peaks(k, sig, s, reach, Foot.LEFT, seen(k, l, s), separation, peaks);
                peaks(k, neg, s, reach, Foot.RIGHT, seen(k, r, s), separation, peaks);
            }
            peaks.sort(Comparator.comparingInt(Peak::index));
            dropTooClose(peaks, minGap);
            for (Peak p : peaks) {
                out.add(new HeelStrike(p.at(), p.foot()));
            }
        }
        out.sort(Comparator.comparingDouble(HeelStrike::time));
        return out;
    }

    /** Mean score of a foot joint over a segment (0 where it was missing). */
    private static double seen(Tracks k, int joint, Stretch s) {
        double sum = 0;
        for (int i = s.from(); i < s.to(); i++) {
            sum += k.score[joint][i];
        }
        return sum / Math.max(1, s.to() - s.from());
    }

    /**
     * Of two consecutive heel strikes less than {@code minGap} samples apart, drops the one of the less well seen foot
     * (the later one when both were seen alike), until none are that close.
     */
    private static void dropTooClose(List<Peak> peaks, double minGap) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i + 1 < peaks.size(); i++) {
                Peak a = peaks.get(i);
                Peak b = peaks.get(i + 1);
                if (b.index() - a.index() < minGap) {
                    peaks.remove(b.seen() > a.seen() + 0.05 ? i : i + 1);
                    changed = true;
                    break;
                }
            }
        }
    }

    /**
     * Peaks of one foot's signal in a segment, each timed between samples by a parabola through its neighbours. When a
     * freezing episode ends the segment ({@code reach} beyond its end), the signal is searched on into the freeze with
     * the end open: the last foot lands and stays, so its signal rises to a plateau rather than a peak, and the heel
     * strike is where the plateau begins (the signal within {@value #PLATEAU_SHARE} of its rise below the plateau);
     * one that begins after the segment's end is not kept.
     */
    private static void peaks(Tracks k, double[] sig, Stretch s, int reach, Foot foot, double seen, int separation,
                              List<Peak> out) {
        double[] part = new double[s.to() - s.from()];
        System.arraycopy(sig, s.from(), part, 0, part.length);
        double range = Signals.quantile(part, 0.95) - Signals.quantile(part, 0.05);
        if (Double.isNaN(range)) {
            return;
        }
        double prominence = Math.max(MIN_PROMINENCE_BH, RELATIVE_PROMINENCE * range);
        boolean open = reach > s.to();
        for (int i : Signals.peaks(sig, s.from(), reach, separation, prominence, open)) {
            if (open && staysUp(sig, i, reach, prominence)) {
                int onset = plateauOnset(sig, s.from(), i, separation);
                if (onset < s.to()) {
                    out.add(new Peak(onset, k.t[onset], foot, seen));
                }
            } else if (i < s.to()) {
                out.add(new Peak(i, k.t[i] + Signals.vertexOffset(sig, i) / k.fps, foot, seen));
            }
        }
    }

    /** Whether the signal after {@code peak} stays within {@code prominence} of it up to {@code reach}. */
    private static boolean staysUp(double[] sig, int peak, int reach, double prominence) {
        for (int i = peak + 1; i < reach; i++) {
            if (sig[i] < sig[peak] - prominence) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first sample of the run before {@code peak} that stays within {@value #PLATEAU_SHARE} of the rise (from the
     * lowest value within a stride's share before it) below the peak.
     */
    static int plateauOnset(double[] sig, int from, int peak, int separation) {
        double low = sig[peak];
        for (int i = Math.max(from, peak - 2 * separation); i < peak; i++) {
            if (!Double.isNaN(sig[i])) {
                low = Math.min(low, sig[i]);
            }
        }
        double level = sig[peak] - PLATEAU_SHARE * (sig[peak] - low);
        int j = peak;
        while (j - 1 >= from && !Double.isNaN(sig[j - 1]) && sig[j - 1] >= level) {
            j--;
        }
        return j;
    }
}
