package io.loupe.samples.gait;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Plans the footsteps of a walk: straight steps of the planned length along the walkway at the planned cadence, each
 * step time varied by the planned coefficient of variation (Gaussian, clipped to ±30 %) and each length by half as
 * much; freezing episodes (after the last heel strike before the planned start, once that foot has rolled flat, both
 * feet stand still until the planned end; then the heel rises and a half step follows); a 180°
 * turn on the spot at each end of the walkway (the planned number of steps over the planned duration, the body
 * turning by 180°/steps per step); a stop when the walkway ends with no time left to turn (in the video's last
 * {@value #LAST_MOMENT} s and after it the walk simply goes on). The walk is already under way when the video starts (steps are planned from {@value #PRE_ROLL} s before) and goes on after it ends.
 *
 * <p>The pelvis key frames sit midway between the two ankles at every heel strike (the hips are between the feet in
 * double support and pass over the stance foot in between), and hold still at the ends of a freeze or a stop.
 */
public final class StepPlanner {

    /** Seconds of walking planned before the video starts, so that it starts in steady walking. */
    public static final double PRE_ROLL = 2.0;
    /** Seconds of walking planned after the video ends. */
    public static final double POST_ROLL = 1.5;
    /** Seconds before the video ends from which the walk goes on past a walkway end rather than stop there. */
    static final double LAST_MOMENT = 0.6;
    /** Step times after a heel strike by which the foot has rolled flat: a freeze starts then. */
    static final double SETTLE = 0.2;

    private StepPlanner() {
    }

    /** @return the steps of a walk of {@code seconds} by {@code body} with gait {@code p} along {@code walkway} */
    public static StepPlan plan(GaitParams p, BodyModel body, double seconds, Walkway walkway, SplittableRandom rng) {
        return new Walk(p, body, seconds, walkway, rng).run();
    }

    /** The planning state of one walk. */
    private static final class Walk {
        private final GaitParams p;
        private final BodyModel body;
        private final double seconds;
        private final Walkway walkway;
        private final SplittableRandom rng;
        private final double stepTime;
        private final double stepLength;
        private final List<Footstep> steps = new ArrayList<>();
        private final List<StepPlan.PelvisKey> keys = new ArrayList<>();
        private final List<Interval> freezes = new ArrayList<>();
        private final List<TurnSpan> turns = new ArrayList<>();
        private final Map<Side, Vec3> ankle = new EnumMap<>(Side.class);
        private final Map<Side, Double> heading = new EnumMap<>(Side.class);
        private final Deque<FreezePlan> pendingFreezes;
        private double psi;
        private Vec3 path;
        private double t;
        private double freeUntil = Double.NEGATIVE_INFINITY;
        private Side next = Side.LEFT;

        Walk(GaitParams p, BodyModel body, double seconds, Walkway walkway, SplittableRandom rng) {
            this.p = p;
            this.body = body;
            this.seconds = seconds;
            this.walkway = walkway;
            this.rng = rng;
            this.stepTime = p.stepTime();
            this.stepLength = p.stepLengthMetres();
            this.pendingFreezes = new ArrayDeque<>(p.freezes());
            this.psi = walkway.heading();
        }

        StepPlan run() {
            // Steady walking before t = 0, so that at t = 0 the pelvis is 0.15 m into the walkway.
            t = -PRE_ROLL;
            Vec3 fwd = Vec3.heading(psi);
            path = walkway.start().plus(fwd, 0.15 - p.speed() * PRE_ROLL);
            land(Side.LEFT, path.minus(fwd.times(stepLength)), psi, t - stepTime, false);
            land(Side.RIGHT, path, psi, t, false);
            double stopAt = Double.POSITIVE_INFINITY;
            double end = seconds + POST_ROLL;
            while (t < end) {
                double duration = stepTime * clamp(1 + p.stepTimeCv() * gaussian(), 0.7, 1.3);
                double length = stepLength * clamp(1 + 0.5 * p.stepTimeCv() * gaussian(), 0.8, 1.2);
                double landAt = t + duration;
                FreezePlan freeze = pendingFreezes.peek();
                if (freeze != null && freeze.start() < landAt && t < seconds) {
                    pendingFreezes.pop();
                    // the feet are still from the end of the last heel rocker until the heel rises again
                    double still = t + SETTLE * stepTime;
                    double resume = Math.max(freeze.end(), still + freeze.duration());
                    freezes.add(new Interval(Math.max(0, still), resume));
                    markLastKeyHold();
                    keys.add(new StepPlan.PelvisKey(resume, midpoint(), psi, true));
                    landAt = resume + (0.8 + 0.44) * stepTime;
                    length = 0.5 * stepLength;
                    freeUntil = resume;
                }
                if (t < seconds - LAST_MOMENT && beyondEnd(path.plus(Vec3.heading(psi), length))) {
                    double from = Math.max(t, freeUntil);
                    if (t >= 0 && from + p.turnDuration() + 0.3 <= seconds) {
                        turn(from);
                        continue;
                    }
                    if (t >= 0) {
                        stopAt = from;
                        markLastKeyHold();
                        keys.add(new StepPlan.PelvisKey(end + 1, midpoint(), psi, true));
                        break;
                    }
                }
                path = path.plus(Vec3.heading(psi), length);
                land(next, footprint(next, path, psi), psi, landAt, false);
                t = landAt;
            }
            return new StepPlan(steps, keys, freezes, turns, stopAt);
        }

        /** A 180° turn on the spot around the current path point. */
        private void turn(double start) {
            int n = p.turnSteps();
            double sign = p.turnLeft() ? 1 : -1;
            double psi0 = psi;
            Vec3 pivot = path;
            for (int i = 1; i <= n; i++) {
                double psiI = psi0 + sign * Math.PI * i / n;
                land(next, footprint(next, pivot, psiI), psiI, start + p.turnDuration() * i / n, true);
            }
            turns.add(new TurnSpan(new Interval(start, start + p.turnDuration()), n, p.turnLeft()));
            psi = psi0 + sign * Math.PI;
            t = start + p.turnDuration();
            // the first step out of the turn is a half step
            path = pivot.minus(Vec3.heading(psi).times(stepLength * 0.5));
        }

        /** @return the heel position for {@code side} with the path (centre line) at {@code centre} */
        private Vec3 footprint(Side side, Vec3 centre, double heading) {
            Vec3 fwd = Vec3.heading(heading);
            Vec3 left = new Vec3(-fwd.y(), fwd.x(), 0);
            return centre.plus(left, side.sign() * body.stepHalfWidth()).minus(fwd.times(body.ankleForward()));
        }

        private void land(Side side, Vec3 heel, double footHeading, double time, boolean turning) {
            steps.add(new Footstep(side, time, heel, footHeading, turning));
            ankle.put(side, heel.plus(Vec3.heading(footHeading), body.ankleForward()));
            heading.put(side, footHeading);
            next = side.other();
            t = Math.max(t, time);
            if (ankle.size() == 2) {
                keys.add(new StepPlan.PelvisKey(time, midpoint(), bodyHeading(), false));
            }
        }

        private Vec3 midpoint() {
            return ankle.get(Side.LEFT).lerp(ankle.get(Side.RIGHT), 0.5);
        }

        /** The body faces the mean of the feet's headings, taken near the path heading. */
        private double bodyHeading() {
            double a = heading.get(Side.LEFT);
            double b = heading.get(Side.RIGHT);
            double diff = Math.atan2(Math.sin(b - a), Math.cos(b - a));
            return a + diff / 2;
        }

        private void markLastKeyHold() {
            StepPlan.PelvisKey last = keys.remove(keys.size() - 1);
            keys.add(new StepPlan.PelvisKey(last.time(), last.ground(), last.heading(), true));
        }

        private boolean beyondEnd(Vec3 centre) {
            double s = walkway.along(centre);
            boolean forward = Vec3.heading(psi).dot(walkway.axis()) > 0;
            return forward ? s > walkway.length() : s < 0;
        }

        private double gaussian() {
            double u = 1 - rng.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
        }

        private static double clamp(double v, double lo, double hi) {
            return Math.max(lo, Math.min(hi, v));
        }
    }
}
