package io.loupe.samples.gait;

import java.util.ArrayList;
import java.util.List;

/**
 * The kinematic gait model: turns a {@link StepPlan} into the body's pose at any time. Documented here because the
 * ground truth is exactly what it computes.
 *
 * <ul>
 *   <li><b>Feet.</b> Each foot follows its footsteps. Stance (from heel strike to toe-off): a heel rocker (the foot
 *       rotates about the heel from its heel-strike pitch, +15° × roll, down to flat in the first 8 % of the stride),
 *       flat, then a heel rise (rotation about the toe to the toe-off pitch, -40° × roll, over the last 22 %).
 *       Toe-off comes 40 % of a nominal stride before the next heel strike of the same foot (less when steps are
 *       quicker). Swing: the heel moves on a minimum-jerk path from its toe-off to its next footprint, lifted by
 *       {@code footLift × sin(πu)}, the pitch going from the toe-off to the heel-strike value.</li>
 *   <li><b>Pelvis.</b> Its ground point follows a cubic Hermite curve through the plan's key frames (midway between
 *       the ankles at each heel strike; still at the ends of a freeze), plus a lateral sway of 2.2 cm × H/1.7 towards
 *       the stance foot. Its height is the soft minimum (k = 1 cm) of the crouched standing height
 *       {@code ankle height + leg × (1 - crouch)} and, per leg, the highest hip that still reaches the ankle with the
 *       leg 99.8 % straight: this gives the pelvis bob (lowest in double support) and keeps both feet reachable.</li>
 *   <li><b>Hip, knee and ankle angles</b> follow: each knee is placed by two-link inverse kinematics (thigh and shin
 *       from Winter's proportions) in the plane of the hip, the ankle and the walking direction, bending forward.</li>
 *   <li><b>Trunk and head.</b> The trunk leans forward by the trunk flexion (3° more while frozen), the head by the
 *       head flexion more.</li>
 *   <li><b>Arms.</b> Each upper arm swings in the sagittal plane by half its peak-to-peak amplitude times the
 *       opposite foot's lead (the ankles' separation along the walking direction over the step length, clipped to
 *       ±1), so it swings with the opposite leg and stops when the feet stop; 8° of abduction; the elbow flexes by its
 *       resting flexion plus half of any forward swing; a 5 Hz rest tremor of the planned amplitude (+1.5° while
 *       frozen).</li>
 *   <li><b>Freezing.</b> The feet stand still; the pelvis trembles by ±6 mm at 5.5 Hz.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class GaitModel {

    private static final double HEEL_STRIKE_PITCH = Math.toRadians(15);
    private static final double TOE_OFF_PITCH = Math.toRadians(-40);
    private static final double SOFT_MIN = 0.01;
    private static final double REACH = 0.998;

    private final GaitParams p;
    private final BodyModel body;
    private final StepPlan plan;
    private final List<Footstep> left = new ArrayList<>();
    private final List<Footstep> right = new ArrayList<>();
    private final double[] keyTimes;
    private final double[] keyHeadings;

    public GaitModel(GaitParams p, BodyModel body, StepPlan plan) {
        this.p = p;
        this.body = body;
        this.plan = plan;
        for (Footstep s : plan.steps()) {
            (s.side() == Side.LEFT ? left : right).add(s);
        }
        int n = plan.keys().size();
        keyTimes = new double[n];
        keyHeadings = new double[n];
        for (int i = 0; i < n; i++) {
            keyTimes[i] = plan.keys().get(i).time();
            double h = plan.keys().get(i).heading();
            if (i > 0) {
                double prev = keyHeadings[i - 1];
                h = prev + Math.atan2(Math.sin(h - prev), Math.cos(h - prev));
            }
            keyHeadings[i] = h;
        }
    }

    public StepPlan plan() {
        return plan;
    }

    public BodyModel body() {
        return body;
    }

    /** @return the body at {@code t} seconds */
    public Pose pose(double t) {
        GaitState state = plan.state(t);
        Vec3[] pts = new Vec3[BodyPoint.values().length];
        FootPose lf = foot(left, t);
        FootPose rf = foot(right, t);
        Vec3 la = lf.ankle(body);
        Vec3 ra = rf.ankle(body);
        double heading = heading(t);
        Vec3 fwd = Vec3.heading(heading);
        Vec3 lateral = new Vec3(-fwd.y(), fwd.x(), 0);
        Vec3 ground = pelvisGround(t).plus(lateral, sway(t, state));
        double hip = body.hipHalfWidth();
        Vec3 lh = ground.plus(lateral, hip);
        Vec3 rh = ground.plus(lateral, -hip);
        double z = softMin(body.ankleHeight() + body.leg() * (1 - p.crouch()), reachHeight(lh, la),
                reachHeight(rh, ra));
        if (state == GaitState.FREEZING) {
            z -= 0.006 * (1 + Math.sin(2 * Math.PI * 5.5 * t));
        }
        Vec3 up = Vec3.UP.times(z);
        lh = lh.plus(up);
        rh = rh.plus(up);
        Vec3 pelvis = ground.plus(up);
        put(pts, BodyPoint.PELVIS, pelvis);
        put(pts, BodyPoint.LEFT_HIP, lh);
        put(pts, BodyPoint.RIGHT_HIP, rh);
        put(pts, BodyPoint.LEFT_ANKLE, la);
        put(pts, BodyPoint.RIGHT_ANKLE, ra);
        put(pts, BodyPoint.LEFT_KNEE, knee(lh, la, fwd));
        put(pts, BodyPoint.RIGHT_KNEE, knee(rh, ra, fwd));
        put(pts, BodyPoint.LEFT_HEEL, lf.heel());
        put(pts, BodyPoint.RIGHT_HEEL, rf.heel());
        put(pts, BodyPoint.LEFT_TOE, lf.toe(body));
        put(pts, BodyPoint.RIGHT_TOE, rf.toe(body));
        double lean = Math.toRadians(p.trunkFlexion() + (state == GaitState.FREEZING ? 3 : 0));
        Vec3 trunkDir = Vec3.UP.times(Math.cos(lean)).plus(fwd, Math.sin(lean));
        Vec3 neck = pelvis.plus(trunkDir, body.trunk());
        put(pts, BodyPoint.NECK, neck);
        head(pts, neck, fwd, lateral, lean + Math.toRadians(p.headFlexion()));
        double spread = (la.minus(ra)).dot(fwd) / p.stepLengthMetres();
        double tremor = p.tremor() + (state == GaitState.FREEZING ? 1.5 : 0);
        double leftAngle = p.armSwingLeft() / 2 * clamp(-spread) + tremor * Math.sin(2 * Math.PI * 5 * t);
        double rightAngle = p.armSwingRight() / 2 * clamp(spread) + tremor * Math.sin(2 * Math.PI * 5 * t + 1.3);
        arm(pts, Side.LEFT, neck, fwd, lateral, leftAngle);
        arm(pts, Side.RIGHT, neck, fwd, lateral, rightAngle);
        return new Pose(t, state, pts, heading, leftAngle, rightAngle);
    }

    private void head(Vec3[] pts, Vec3 neck, Vec3 fwd, Vec3 lateral, double tilt) {
        Vec3 axis = Vec3.UP.times(Math.cos(tilt)).plus(fwd, Math.sin(tilt));
        Vec3 face = fwd.times(Math.cos(tilt)).plus(Vec3.UP, -Math.sin(tilt));
        Vec3 centre = neck.plus(axis, body.neck());
        double r = body.headRadius();
        put(pts, BodyPoint.HEAD, centre);
        put(pts, BodyPoint.NOSE, centre.plus(face, 0.98 * r).plus(axis, -0.18 * r));
        for (Side s : Side.values()) {
            put(pts, BodyPoint.of(s, "EYE"), centre.plus(face, 0.78 * r).plus(axis, 0.12 * r)
                    .plus(lateral, s.sign() * 0.36 * r));
            put(pts, BodyPoint.of(s, "EAR"), centre.plus(face, -0.05 * r).plus(lateral, s.sign() * 0.95 * r));
        }
    }

    private void arm(Vec3[] pts, Side side, Vec3 neck, Vec3 fwd, Vec3 lateral, double angleDeg) {
        Vec3 out = lateral.times(side.sign());
        Vec3 shoulder = neck.plus(out, body.shoulderHalfWidth()).plus(Vec3.UP, -0.012 * body.height());
        double a = Math.toRadians(angleDeg);
        Vec3 upper = Vec3.UP.times(-Math.cos(a)).plus(fwd, Math.sin(a)).plus(out, Math.tan(Math.toRadians(8))).unit();
        Vec3 elbow = shoulder.plus(upper, body.upperArm());
        double flex = Math.toRadians(p.elbowFlexion() + 0.5 * Math.max(0, angleDeg));
        Vec3 bendTo = fwd.minus(upper.times(fwd.dot(upper))).unit();
        Vec3 lower = upper.times(Math.cos(flex)).plus(bendTo, Math.sin(flex)).unit();
        Vec3 wrist = elbow.plus(lower, body.forearm());
        put(pts, BodyPoint.of(side, "SHOULDER"), shoulder);
        put(pts, BodyPoint.of(side, "ELBOW"), elbow);
        put(pts, BodyPoint.of(side, "WRIST"), wrist);
        put(pts, BodyPoint.of(side, "HAND"), wrist.plus(lower, 0.45 * body.hand()));
    }

    /** Two-link inverse kinematics: the knee, bending forward, for a hip and an ankle. */
    private Vec3 knee(Vec3 hip, Vec3 ankle, Vec3 fwd) {
        double a = body.thigh();
        double b = body.shin();
        Vec3 d = ankle.minus(hip);
        double len = Math.min(d.norm(), a + b - 1e-6);
        Vec3 u = d.unit();
        double cos = (a * a + len * len - b * b) / (2 * a * len);
        double alpha = Math.acos(Math.max(-1, Math.min(1, cos)));
        Vec3 w = fwd.minus(u.times(fwd.dot(u))).unit();
        return hip.plus(u, a * Math.cos(alpha)).plus(w, a * Math.sin(alpha));
    }

    /** The highest hip above {@code hipGround} that reaches {@code ankle} with the leg {@value #REACH} straight. */
    private double reachHeight(Vec3 hipGround, Vec3 ankle) {
        double dx = hipGround.x() - ankle.x();
        double dy = hipGround.y() - ankle.y();
        double reach = REACH * body.leg();
        return ankle.z() + Math.sqrt(Math.max(0, reach * reach - dx * dx - dy * dy));
    }

    private static double softMin(double... v) {
        double min = Double.POSITIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
        }
        double sum = 0;
        for (double x : v) {
            sum += Math.exp(-(x - min) / SOFT_MIN);
        }
        return min - SOFT_MIN * Math.log(sum);
    }

    /** Lateral sway towards the foot that landed last, over one step. */
    private double sway(double t, GaitState state) {
        List<Footstep> steps = plan.steps();
        int k = lastAtOrBefore(steps, t);
        if (k < 0 || k + 1 >= steps.size()) {
            return 0;
        }
        Footstep s = steps.get(k);
        double d = Math.min(p.stepTime(), steps.get(k + 1).time() - s.time());
        double phase = Math.min(1, (t - s.time()) / d);
        double amplitude = 0.022 * body.height() / 1.7 * (state == GaitState.TURNING ? 0.5 : 1);
        return amplitude * Math.sin(Math.PI * phase) * s.side().sign();
    }

    /** The foot's pose at {@code t}: stance on its last footprint, or swing towards its next. */
    private FootPose foot(List<Footstep> steps, double t) {
        int k = lastAtOrBefore(steps, t);
        if (k < 0) {
            return flat(steps.get(0));
        }
        Footstep prev = steps.get(k);
        if (k + 1 >= steps.size()) {
            return flat(prev);
        }
        Footstep next = steps.get(k + 1);
        double stride = 2 * p.stepTime();
        double swing = Math.min(0.4 * stride, 0.8 * (next.time() - prev.time()));
        double toeOff = next.time() - swing;
        double roll = p.footRoll() * (prev.turning() ? 0.4 : 1);
        double nextRoll = p.footRoll() * (next.turning() ? 0.4 : 1);
        double hsPitch = HEEL_STRIKE_PITCH * roll;
        double toPitch = TOE_OFF_PITCH * roll;
        if (t < toeOff) {
            double stance = toeOff - prev.time();
            double rocker = Math.min(0.08 * stride, 0.25 * stance);
            double rise = Math.min(0.22 * stride, 0.4 * stance);
            if (t < prev.time() + rocker) {
                double pitch = hsPitch * (1 - smooth((t - prev.time()) / rocker));
                return new FootPose(prev.heel(), prev.heading(), pitch);
            }
            if (t > toeOff - rise) {
                return aboutToe(prev, toPitch * smooth((t - (toeOff - rise)) / rise));
            }
            return flat(prev);
        }
        double u = (t - toeOff) / swing;
        double s = minimumJerk(u);
        FootPose start = aboutToe(prev, toPitch);
        double nextPitch = HEEL_STRIKE_PITCH * nextRoll;
        double pitch = toPitch + (nextPitch - toPitch) * smooth(u);
        double dh = Math.atan2(Math.sin(next.heading() - prev.heading()), Math.cos(next.heading() - prev.heading()));
        double lift = p.footLift() * (next.turning() ? 0.5 : 1);
        Vec3 flatHeel = start.heel().flat().lerp(next.heel(), s);
        double z = start.heel().z() * (1 - s) + lift * Math.sin(Math.PI * u);
        FootPose pose = new FootPose(new Vec3(flatHeel.x(), flatHeel.y(), z), prev.heading() + dh * s, pitch);
        double toeZ = pose.toe(body).z();
        if (toeZ < 0) {
            pose = new FootPose(pose.heel().plus(Vec3.UP, -toeZ), pose.heading(), pose.pitch());
        }
        return pose;
    }

    private static FootPose flat(Footstep step) {
        return new FootPose(step.heel(), step.heading(), 0);
    }

    /** The foot turned by {@code pitch} (negative: heel up) about its toe, the toe where the flat foot's toe is. */
    private FootPose aboutToe(Footstep step, double pitch) {
        Vec3 fwd = Vec3.heading(step.heading());
        Vec3 toe = step.heel().plus(fwd, body.footLength());
        FootPose turned = new FootPose(Vec3.ZERO, step.heading(), pitch);
        return new FootPose(toe.minus(turned.along().times(body.footLength())), step.heading(), pitch);
    }

    private Vec3 pelvisGround(double t) {
        List<StepPlan.PelvisKey> keys = plan.keys();
        int n = keys.size();
        if (t <= keyTimes[0]) {
            return keys.get(0).ground();
        }
        if (t >= keyTimes[n - 1]) {
            return keys.get(n - 1).ground();
        }
        int i = segment(t);
        StepPlan.PelvisKey a = keys.get(i);
        StepPlan.PelvisKey b = keys.get(i + 1);
        double h = keyTimes[i + 1] - keyTimes[i];
        double u = (t - keyTimes[i]) / h;
        Vec3 ma = tangent(i).times(h);
        Vec3 mb = tangent(i + 1).times(h);
        double h00 = 2 * u * u * u - 3 * u * u + 1;
        double h10 = u * u * u - 2 * u * u + u;
        double h01 = -2 * u * u * u + 3 * u * u;
        double h11 = u * u * u - u * u;
        return a.ground().times(h00).plus(ma, h10).plus(b.ground(), h01).plus(mb, h11);
    }

    private Vec3 tangent(int i) {
        List<StepPlan.PelvisKey> keys = plan.keys();
        if (keys.get(i).hold()) {
            return Vec3.ZERO;
        }
        int a = Math.max(0, i - 1);
        int b = Math.min(keys.size() - 1, i + 1);
        return keys.get(b).ground().minus(keys.get(a).ground()).times(1 / (keyTimes[b] - keyTimes[a]));
    }

    private double heading(double t) {
        int n = keyTimes.length;
        if (t <= keyTimes[0]) {
            return keyHeadings[0];
        }
        if (t >= keyTimes[n - 1]) {
            return keyHeadings[n - 1];
        }
        int i = segment(t);
        double u = smooth((t - keyTimes[i]) / (keyTimes[i + 1] - keyTimes[i]));
        return keyHeadings[i] + (keyHeadings[i + 1] - keyHeadings[i]) * u;
    }

    private int segment(double t) {
        int lo = 0;
        int hi = keyTimes.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (keyTimes[mid] <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int lastAtOrBefore(List<Footstep> steps, double t) {
        int lo = -1;
        int hi = steps.size();
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (steps.get(mid).time() <= t) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static void put(Vec3[] pts, BodyPoint point, Vec3 v) {
        pts[point.ordinal()] = v;
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }

    private static double smooth(double u) {
        double x = Math.max(0, Math.min(1, u));
        return x * x * (3 - 2 * x);
    }

    private static double minimumJerk(double u) {
        double x = Math.max(0, Math.min(1, u));
        return x * x * x * (10 - 15 * x + 6 * x * x);
    }
}
