package io.loupe.pipelines.gait.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The measures that need the sagittal plane in view (a side view): arm swing, trunk flexion and foot lift. Each is
 * null with its reason when the keypoints it needs were seen in fewer than {@value GaitAnalyzer#MIN_COVERAGE} of the
 * straight-walking samples.
 */
final class SagittalMeasures {
    /**
     * Peak-to-peak over twice the fundamental's amplitude of an arm swing: 1 for a sinusoid; 0.88 measured on the
     * synthetic walker, whose swing follows the feet (flatter turning points). Real arm swing may differ.
     */
    static final double ARM_SHAPE = 0.88;
    /** An elbow scored below this by the pose model was not seen (BlazePose's visibility; a YOLO keypoint score). */
    static final double MIN_ARM_SCORE = 0.5;

    private SagittalMeasures() {
    }

    /**
     * Peak-to-peak angle of the upper arm (shoulder to elbow) from vertical, forward positive, per gait cycle (a stride
     * from each heel strike, see {@code GaitAnalyzer}), averaged; over each walking segment when there is no cycle.
     * Per cycle it is read from the swing's fundamental (the least-squares sinusoid of the cycle's length: arms swing
     * once per stride), times {@value #ARM_SHAPE} for the swing's flattened turning points, rather than from the
     * extremes, which keypoint jitter inflates.
     *
     * <p>Only cycles (segments) in which the pose model saw the arm count: its elbow scored at least
     * {@value #MIN_ARM_SCORE} in at least half of the samples. In a side view the far arm is behind the trunk, and a
     * model such as BlazePose guesses where it is, pulled towards the body (its swing came out at half the truth on the
     * generated walks); after a turn the other arm is the far one. An arm seen in no cycle is null with that reason,
     * and the score then uses the other arm alone.
     */
    static Double armSwing(Tracks k, List<Stretch> segments, List<int[]> cycles, int shoulder, int elbow,
                           String name, String side, List<MissingParameter> missing) {
        double[] angle = new double[k.n];
        int seen = 0;
        int hidden = 0;
        int straight = 0;
        for (int i = 0; i < k.n; i++) {
            angle[i] = Double.NaN;
        }
        for (Stretch s : segments) {
            for (int i = s.from(); i < s.to(); i++) {
                straight++;
                double dx = (k.x[elbow][i] - k.x[shoulder][i]) * s.dir();
                double dy = k.y[elbow][i] - k.y[shoulder][i];
                angle[i] = Math.toDegrees(Math.atan2(dx, dy));
                seen += Double.isNaN(angle[i]) ? 0 : 1;
                hidden += k.score[elbow][i] < MIN_ARM_SCORE ? 1 : 0;
            }
        }
        if (straight == 0 || seen < GaitAnalyzer.MIN_COVERAGE * straight) {
            missing.add(new MissingParameter(name, String.format(Locale.ROOT, "the %s shoulder and elbow were seen in"
                    + " %.0f %% of the straight-walking samples (need %.0f %%)", side,
                    straight == 0 ? 0.0 : 100.0 * seen / straight, 100 * GaitAnalyzer.MIN_COVERAGE)));
            return null;
        }
        List<Double> swings = new ArrayList<>();
        for (int[] s : cycles) {
            int len = s[1] - s[0];
            if (len < 4 || Signals.coverage(angle, s[0], s[1]) < GaitAnalyzer.MIN_COVERAGE
                    || !visible(k, elbow, s[0], s[1])) {
                continue;
            }
            double amplitude = Signals.sinusoidAmplitude(angle, s[0], s[1], len);
            if (!Double.isNaN(amplitude)) {
                swings.add(2 * amplitude * ARM_SHAPE);
            }
        }
        if (swings.isEmpty() && cycles.isEmpty()) {
            for (Stretch s : segments) {
                double[] part = new double[s.to() - s.from()];
                System.arraycopy(angle, s.from(), part, 0, part.length);
                double range = Signals.quantile(part, 0.98) - Signals.quantile(part, 0.02);
                if (!Double.isNaN(range) && visible(k, elbow, s.from(), s.to())) {
                    swings.add(range);
                }
            }
        }
        if (swings.isEmpty()) {
            missing.add(new MissingParameter(name, String.format(Locale.ROOT, "the %s elbow was hidden (pose score"
                    + " below %.1f) in %.0f %% of the straight-walking samples and in every gait cycle: the far"
                    + " arm, behind the body; its swing is not measured (the other arm's is)", side, MIN_ARM_SCORE,
                    100.0 * hidden / straight)));
            return null;
        }
        return Signals.mean(swings);
    }

    /** Whether the joint scored at least {@value #MIN_ARM_SCORE} in at least half of the samples {@code [from, to)}. */
    private static boolean visible(Tracks k, int joint, int from, int to) {
        int ok = 0;
        for (int i = from; i < to; i++) {
            ok += k.score[joint][i] >= MIN_ARM_SCORE ? 1 : 0;
        }
        return ok >= 0.5 * (to - from);
    }

    /** Mean forward lean of hip centre to shoulder centre from vertical over the straight stretches, degrees. */
    static Double trunkFlexion(Tracks k, List<Stretch> stretches, List<MissingParameter> missing) {
        double sum = 0;
        int seen = 0;
        int straight = 0;
        for (Stretch s : stretches) {
            for (int i = s.from(); i < s.to(); i++) {
                straight++;
                double a = Math.toDegrees(Math.atan2((k.shoulderX[i] - k.hipX[i]) * s.dir(),
                        k.hipY[i] - k.shoulderY[i]));
                if (!Double.isNaN(a)) {
                    sum += a;
                    seen++;
                }
            }
        }
        if (straight == 0 || seen < GaitAnalyzer.MIN_COVERAGE * straight) {
            missing.add(new MissingParameter("trunk_flexion_deg", String.format(Locale.ROOT, "shoulders and hips were"
                    + " seen in %.0f %% of the straight-walking samples (need %.0f %%)",
                    straight == 0 ? 0.0 : 100.0 * seen / straight, 100 * GaitAnalyzer.MIN_COVERAGE)));
            return null;
        }
        return sum / seen;
    }

    /** Mean rise of the foot point in swing above its height at the stride's two heel strikes, body heights. */
    static Double footLift(Tracks k, List<int[]> strides, List<MissingParameter> missing) {
        List<Double> lifts = new ArrayList<>();
        for (int[] s : strides) {
            Foot foot = Foot.values()[s[2]];
            int j = k.footJoint(foot, s[0], s[1] + 1);
            double ground = Math.max(k.y[j][s[0]], k.y[j][s[1]]);
            double top = Double.POSITIVE_INFINITY;
            for (int i = s[0]; i <= s[1]; i++) {
                top = Math.min(top, k.y[j][i]);
            }
            double lift = (ground - top) / k.h[(s[0] + s[1]) / 2];
            if (!Double.isNaN(lift)) {
                lifts.add(lift);
            }
        }
        if (lifts.isEmpty()) {
            missing.add(new MissingParameter("foot_lift_bh", "no whole straight stride"));
            return null;
        }
        return Signals.mean(lifts);
    }
}
