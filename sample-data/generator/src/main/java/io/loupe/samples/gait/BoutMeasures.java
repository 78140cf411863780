package io.loupe.samples.gait;

import io.loupe.samples.gait.truth.BoutTruth;
import io.loupe.samples.gait.truth.FreezeTruth;
import io.loupe.samples.gait.truth.TurnTruth;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures a walk's gait parameters from the model itself: the exact footsteps of its {@link StepPlan} and its arm
 * angles sampled at {@value #SAMPLE_HZ} Hz. See {@link BoutTruth} for each definition.
 */
public final class BoutMeasures {

    static final int SAMPLE_HZ = 100;

    private BoutMeasures() {
    }

    /** @return the bout of a walk of {@code frames} frames at {@code fps} */
    public static BoutTruth measure(GaitModel model, GaitParams p, int frames, int fps) {
        StepPlan plan = model.plan();
        double seconds = frames / (double) fps;
        List<Footstep> steps = plan.steps();
        int inVideo = 0;
        List<Double> times = new ArrayList<>();
        List<Double> lengths = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Footstep s = steps.get(i);
            if (s.time() < 0 || s.time() >= seconds) {
                continue;
            }
            inVideo++;
            if (i == 0) {
                continue;
            }
            Footstep prev = steps.get(i - 1);
            if (prev.time() < 0 || prev.turning() || s.turning() || freezeBetween(plan, prev.time(), s.time())) {
                continue;
            }
            times.add(s.time() - prev.time());
            lengths.add(Math.abs(s.heel().minus(prev.heel()).dot(Vec3.heading(s.heading()))));
        }
        Double meanTime = null;
        Double cv = null;
        Double cadence = null;
        Double length = null;
        Double metres = null;
        Double speed = null;
        if (!times.isEmpty()) {
            meanTime = mean(times);
            double sd = Math.sqrt(times.stream().mapToDouble(t -> (t - mean(times)) * (t - mean(times))).sum()
                    / Math.max(1, times.size() - 1));
            cv = times.size() > 1 ? sd / meanTime : 0.0;
            cadence = 60 / meanTime;
            metres = mean(lengths);
            length = metres / p.bodyHeight();
            speed = metres / meanTime;
        }
        double[] arms = armSwing(model, plan, seconds);
        double max = Math.max(arms[0], arms[1]);
        List<TurnTruth> turns = new ArrayList<>();
        double turning = 0;
        for (TurnSpan t : plan.turns()) {
            if (t.time().start() < seconds) {
                turns.add(new TurnTruth(round(t.time().start()), round(t.time().end()), round(t.time().duration()),
                        t.steps(), t.left() ? "left" : "right"));
                turning += Math.min(seconds, t.time().end()) - t.time().start();
            }
        }
        List<FreezeTruth> freezing = new ArrayList<>();
        double frozen = 0;
        for (Interval f : plan.freezes()) {
            if (f.start() < seconds) {
                double end = Math.min(seconds, f.end());
                freezing.add(new FreezeTruth(round(f.start()), round(end), (int) Math.round(f.start() * fps),
                        Math.min(frames - 1, (int) Math.round(end * fps))));
                frozen += end - f.start();
            }
        }
        double standing = Math.max(0, seconds - Math.min(seconds, plan.stopAt()));
        Double turnDuration = turns.isEmpty() ? null
                : round(turns.stream().mapToDouble(TurnTruth::duration).average().orElse(0));
        Double turnSteps = turns.isEmpty() ? null : turns.stream().mapToInt(TurnTruth::steps).average().orElse(0);
        return new BoutTruth(0, frames - 1, round(seconds - turning - frozen - standing), inVideo, times.size(),
                round(cadence), round(meanTime), round(cv), round(length), round(metres), round(speed),
                round(arms[0]), round(arms[1]), round(max <= 0 ? 0 : Math.abs(arms[0] - arms[1]) / max),
                round(p.trunkFlexion()), p.shuffling(), turns, turnDuration, turnSteps, freezing);
    }

    private static boolean freezeBetween(StepPlan plan, double from, double to) {
        for (Interval f : plan.freezes()) {
            if (f.end() > from && f.start() < to) {
                return true;
            }
        }
        return false;
    }

    /**
     * Peak-to-peak shoulder angle per side: the mean over strides (right heel strike to right heel strike) walked
     * straight within the video; over all moments of straight walking when no whole stride is.
     */
    private static double[] armSwing(GaitModel model, StepPlan plan, double seconds) {
        List<Double> rightStrikes = new ArrayList<>();
        for (Footstep s : plan.steps()) {
            if (s.side() == Side.RIGHT && s.time() >= 0 && s.time() < seconds) {
                rightStrikes.add(s.time());
            }
        }
        double[] sum = new double[2];
        int strides = 0;
        for (int i = 1; i < rightStrikes.size(); i++) {
            double[] range = range(model, rightStrikes.get(i - 1), rightStrikes.get(i));
            if (range != null) {
                sum[0] += range[0];
                sum[1] += range[1];
                strides++;
            }
        }
        if (strides > 0) {
            return new double[] {sum[0] / strides, sum[1] / strides};
        }
        double[] all = range(model, 0, seconds, false);
        return all == null ? new double[] {0, 0} : all;
    }

    private static double[] range(GaitModel model, double from, double to) {
        return range(model, from, to, true);
    }

    /**
     * @param whole whether all of [from, to] must be walking (else the other samples are skipped)
     * @return peak-to-peak left and right shoulder angles over the walking samples of [from, to], or null
     */
    private static double[] range(GaitModel model, double from, double to, boolean whole) {
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE};
        for (double t = from; t <= to; t += 1.0 / SAMPLE_HZ) {
            if (model.plan().state(t) != GaitState.WALKING) {
                if (whole) {
                    return null;
                }
                continue;
            }
            Pose pose = model.pose(t);
            min[0] = Math.min(min[0], pose.shoulderLeft());
            max[0] = Math.max(max[0], pose.shoulderLeft());
            min[1] = Math.min(min[1], pose.shoulderRight());
            max[1] = Math.max(max[1], pose.shoulderRight());
        }
        return min[0] > max[0] ? null : new double[] {max[0] - min[0], max[1] - min[1]};
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    static Double round(Double v) {
        return v == null ? null : round(v.doubleValue());
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
