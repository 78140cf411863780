package io.loupe.pipelines.gait.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Measures one bout: pure Java over a {@link KeypointSeries}, no I/O, no state. Steps: keep left and right consistent
 * ({@link LeftRight}), fill short gaps and smooth every keypoint track ({@link Tracks}); estimate body height (from
 * the legs as the analysis's scale, from shoulders to ankles as the unit of step length); decide the view when not
 * configured; split the bout into straight stretches by walking direction, turns being where it flips
 * ({@link Direction}); find freezing episodes ({@link Freezes}) and cut them out of the stretches ({@link Segments}:
 * walking); find the stride period and the heel strikes in the walking segments ({@link HeelStrikes}; for a side-view
 * walker whose steps are too short for the keypoints, the heel strikes from the feet's motion in the picture instead,
 * {@link PictureSteps}, unless the picture shows far fewer landings than the keypoints' rhythm has steps); then the
 * parameters of {@link GaitParameters}.
 *
 * <p>Cadence is steps per minute of walking, as the scene generator's truth counts it: 60 over the mean time of the
 * straight steps (consecutive heel strikes of opposite feet within one walking segment; never across a freeze or a
 * turn). Where that mean disagrees by more than {@value #RHYTHM_AGREEMENT} with half the stride period of the feet's
 * rhythm, and a segment is long enough to measure the rhythm ({@value #RHYTHM_STRIDES} periods), the heel strikes
 * were mistimed (a pose model's jitter around the feet, seen in frontal views) and the rhythm gives the mean step time.
 * In a frontal view whose rhythm comes from the feet's motion in the picture, that rhythm gives it wherever a segment
 * holds {@value #PICTURED_RHYTHM_STRIDES} periods: it does not rest on the ankles' keypoints, which time a frontal
 * walker's steps worst; where the picture shows the feet but no rhythm (a shuffler's steps too small to see), the
 * ankles' keypoints give the rhythm and the heel strikes as in a frontal view whose feet the picture does not show.
 * Step-time variability still comes from the heel strikes.
 * A parameter whose keypoints were not seen well enough is null with the reason, never invented: arm swing needs
 * shoulders and elbows in {@value #MIN_COVERAGE} of the straight-walking samples, trunk flexion shoulders and hips, and
 * the sagittal-plane measures (arm swing, trunk flexion, foot lift) need a side view.
 */
public final class GaitAnalyzer {
    /** Share of samples in which the keypoints a parameter needs must be seen. */
    static final double MIN_COVERAGE = 0.7;
    /** A frontal view has hips (and shoulders) at least this wide, in body heights (side view: near 0). */
    static final double FRONTAL_WIDTH_BH = 0.06;
    /**
     * The heel strikes' mean step time may differ from half the stride period of the feet's rhythm by this share;
     * beyond it (strikes mistimed by keypoint noise, or one missed or extra), the rhythm gives the mean step time.
     */
    static final double RHYTHM_AGREEMENT = 0.04;
    /** ... when a walking segment holds at least this many stride periods (else the rhythm is not well measured). */
    static final double RHYTHM_STRIDES = 2;
    /**
     * A rhythm from the feet's motion in the picture ({@link HeelStrikes#rhythm}) gives the mean step time
     * whenever a walking segment holds this many stride periods, even where fewer than {@value #MIN_STEPS} straight
     * steps were found.
     */
    static final double PICTURED_RHYTHM_STRIDES = 1.5;
    /** Straight steps needed for a cadence (one step's timing is one pair of keypoint estimates: too noisy). */
    static final int MIN_STEPS = 2;
    /** Samples a walking segment needs for its speed in depth to be fitted (frontal step length). */
    static final int MIN_FIT_SAMPLES = 10;
    /** A step interval longer than this many times the median is a missed heel strike, not a step. */
    static final double MAX_STEP_RATIO = 1.7;

    private final AnalysisSettings settings;

    public GaitAnalyzer(AnalysisSettings settings) {
        this.settings = settings;
    }

    /**
     * Measures a bout.
     *
     * @throws IllegalArgumentException when the series has fewer than 3 samples
     */
    public BoutAnalysis analyze(KeypointSeries series) {
        if (series.size() < 3) {
            throw new IllegalArgumentException("a bout needs at least 3 samples, got " + series.size());
        }
        Tracks k = new Tracks(series, settings);
        double duration = k.t[k.n - 1] - k.t[0];
        View view = settings.view();
        boolean decided = view == null;
        if (decided) {
            view = decideView(k);
        }
        List<MissingParameter> missing = new ArrayList<>();
        int[] dir = Direction.perSample(k, view);
        List<Stretch> stretches = Direction.stretches(k, dir, view);
        if (stretches.isEmpty()) {
            stretches = Direction.inPlace(k, view);
        }
        boolean[] still = Freezes.still(k, settings.stillBh());
        List<FreezeEpisode> freezes = Freezes.find(k, still, settings.minFreezeS());
        List<Stretch> segments = Segments.walking(k, stretches, freezes);
        HeelStrikes.Rhythm strideRhythm = HeelStrikes.rhythm(k, view, segments);
        boolean pictured = strideRhythm.pictured();
        double period = strideRhythm.period();
        Optional<List<HeelStrike>> fromPicture = PictureSteps.strikes(k, view, segments, freezes, period);
        List<HeelStrike> strikes;
        if (fromPicture.isPresent()) {
            strikes = fromPicture.get();
            period = Double.NaN; // a shuffler's keypoints keep no rhythm to time or to cut gait cycles by
        } else {
            strikes = HeelStrikes.find(k, view, segments, freezes, period);
        }

        // steps (consecutive heel strikes of opposite feet) and strides (of the same foot) within one walking segment
        List<Double> stepTimes = new ArrayList<>();
        List<int[]> steps = new ArrayList<>();
        List<Double> strideTimes = new ArrayList<>();
        List<int[]> strides = new ArrayList<>();
        for (int a = 0; a < strikes.size(); a++) {
            HeelStrike ha = strikes.get(a);
            int ia = k.nearest(ha.time());
            int segment = Segments.of(k, segments, freezes, ia);
            for (int b = a + 1; b < strikes.size(); b++) {
                HeelStrike hb = strikes.get(b);
                int ib = k.nearest(hb.time());
                if (Segments.of(k, segments, freezes, ib) != segment || segment < 0) {
                    break;
                }
                if (hb.foot() != ha.foot() && b == a + 1) {
                    stepTimes.add(hb.time() - ha.time());
                    steps.add(new int[] {ia, ib});
                }
                if (hb.foot() == ha.foot()) {
                    strideTimes.add(hb.time() - ha.time());
                    strides.add(new int[] {ia, ib, ha.foot().ordinal()});
                    break;
                }
            }
        }
        dropLong(stepTimes, steps);
        dropLong(strideTimes, strides);

        Double cadence = null;
        Double stepTime = null;
        Double stepCv = null;
        double stride = period / k.fps;
        boolean rhythm = !Double.isNaN(period)
                && Segments.longest(k, segments) >= (pictured ? PICTURED_RHYTHM_STRIDES : RHYTHM_STRIDES) * stride;
        if (stepTimes.size() < MIN_STEPS && !(pictured && rhythm)) {
            missing.add(new MissingParameter("cadence_spm", stepTimes.isEmpty()
                    ? "no two consecutive heel strikes in straight walking"
                    : "one straight step only: too few to time the gait"));
        } else {
            stepTime = stepTimes.isEmpty() ? stride / 2 : Signals.mean(stepTimes);
            stepCv = nanToNull(Signals.cv(stepTimes));
            if (rhythm && (pictured || Math.abs(stepTime / (stride / 2) - 1) > RHYTHM_AGREEMENT)) {
                stepTime = stride / 2;
            }
            cadence = 60 / stepTime;
        }
        Double strideTime = strideTimes.isEmpty() ? null : Signals.mean(strideTimes);
        Double strideCv = nanToNull(Signals.cv(strideTimes));

        Length length = stepLength(k, view, steps, segments, stepTime, missing);
        Double stepLength = length == null ? null : length.bh();
        Double stepLengthM = null;
        if (length != null && view == View.SIDE && settings.metresPerPixel() > 0) {
            stepLengthM = length.pixels() * settings.metresPerPixel();
            if (settings.subjectHeightM() > 0) {
                stepLength = stepLengthM / settings.subjectHeightM();
            }
        } else if (stepLength != null && settings.subjectHeightM() > 0) {
            stepLengthM = stepLength * settings.subjectHeightM();
        }
        Double speed = null;
        Double speedM = null;
        if (stepLength != null && stepTime != null) {
            speed = stepLength / stepTime;
        } else {
            missing.add(new MissingParameter("speed_bh_s", "needs step length and step time"));
        }
        if (stepLengthM != null && stepTime != null) {
            speedM = stepLengthM / stepTime;
        }

        Double armLeft = null;
        Double armRight = null;
        Double asymmetry = null;
        Double trunk = null;
        Double lift = null;
        Boolean shuffling = null;
        double upperBody = coverage(k, Joints.LEFT_SHOULDER, Joints.RIGHT_SHOULDER, Joints.LEFT_ELBOW,
                Joints.RIGHT_ELBOW);
        if (upperBody < MIN_COVERAGE) {
            String why = String.format(Locale.ROOT, "the upper body (shoulders, elbows) was seen in %.0f %% of the"
                    + " bout's samples (need %.0f %%): a partial body, e.g. legs only", 100 * upperBody,
                    100 * MIN_COVERAGE);
            missing.add(new MissingParameter("arm_swing_left_deg", why));
            missing.add(new MissingParameter("arm_swing_right_deg", why));
            missing.add(new MissingParameter("trunk_flexion_deg", why));
            if (view == View.SIDE) {
                lift = SagittalMeasures.footLift(k, strides, missing);
                shuffling = lift == null ? null : lift < settings.shufflingLiftBh();
            } else {
                missing.add(new MissingParameter("foot_lift_bh", "foot height is confounded with depth in a frontal"
                        + " view (film from the side)"));
            }
        } else if (view == View.SIDE) {
            List<int[]> cycles = cycles(k, segments, freezes, strikes, strides, period);
            armLeft = SagittalMeasures.armSwing(k, segments, cycles, Joints.LEFT_SHOULDER,
                    Joints.LEFT_ELBOW, "arm_swing_left_deg", "left", missing);
            armRight = SagittalMeasures.armSwing(k, segments, cycles, Joints.RIGHT_SHOULDER,
                    Joints.RIGHT_ELBOW, "arm_swing_right_deg", "right", missing);
            trunk = SagittalMeasures.trunkFlexion(k, segments, missing);
            lift = SagittalMeasures.footLift(k, strides, missing);
            shuffling = lift == null ? null : lift < settings.shufflingLiftBh();
        } else {
            String why = "sagittal-plane angle: not measurable in a frontal view (film from the side)";
            missing.add(new MissingParameter("arm_swing_left_deg", why));
            missing.add(new MissingParameter("arm_swing_right_deg", why));
            missing.add(new MissingParameter("trunk_flexion_deg", why));
            missing.add(new MissingParameter("foot_lift_bh", "foot height is confounded with depth in a frontal"
                    + " view (film from the side)"));
        }
        if (armLeft != null && armRight != null) {
            double max = Math.max(armLeft, armRight);
            asymmetry = max <= 0 ? 0.0 : Math.abs(armLeft - armRight) / max;
        } else {
            missing.add(new MissingParameter("arm_swing_asymmetry", "needs both arms' swing"));
        }
        if (shuffling == null) {
            missing.add(new MissingParameter("shuffling", "needs foot lift"));
        }

        List<Turn> turns = Turns.find(k, stretches, strikes);
        Double turnDuration = turns.isEmpty() ? null
                : turns.stream().mapToDouble(Turn::durationS).average().orElseThrow();
        Double turnSteps = turns.isEmpty() ? null : turns.stream().mapToInt(Turn::steps).average().orElseThrow();
        double freezing = freezes.stream().mapToDouble(FreezeEpisode::durationS).sum();
        double walking = Segments.seconds(k, segments);
        if (stepLength == null) {
            missing.add(new MissingParameter("step_length_m", "needs step length"));
        } else if (stepLengthM == null) {
            missing.add(new MissingParameter("step_length_m", "not calibrated: set calibration.subjectHeightM"
                    + (view == View.SIDE ? " or calibration.metresPerPixel" : "")));
        }
        GaitParameters p = new GaitParameters(strikes.size(), stepTimes.size(), cadence, stepTime, stepCv, strideTime,
                strideCv, stepLength, stepLengthM, speed, speedM, armLeft, armRight, asymmetry, trunk, lift, shuffling,
                turns, turnDuration, turnSteps, freezes, freezing, duration > 0 ? freezing / duration : 0, walking,
                missing);
        return new BoutAnalysis(view, decided, Signals.quantile(k.h, 0.5), duration, strikes, p,
                coverage(k, Joints.LEFT_HIP, Joints.RIGHT_HIP, Joints.LEFT_KNEE, Joints.RIGHT_KNEE,
                        Joints.LEFT_ANKLE, Joints.RIGHT_ANKLE),
                upperBody);
    }

    /** Frontal when the median hip (and shoulder) width across the image is at least {@value #FRONTAL_WIDTH_BH} H. */
    static View decideView(Tracks k) {
        double[] w = new double[k.n];
        for (int i = 0; i < k.n; i++) {
            double hip = Math.abs(k.x[Joints.LEFT_HIP][i] - k.x[Joints.RIGHT_HIP][i]);
            double sh = Math.abs(k.x[Joints.LEFT_SHOULDER][i] - k.x[Joints.RIGHT_SHOULDER][i]) * 0.116 / 0.224;
            w[i] = (Double.isNaN(sh) ? hip : Double.isNaN(hip) ? sh : (hip + sh) / 2) / k.h[i];
        }
        double median = Signals.quantile(w, 0.5);
        return median >= FRONTAL_WIDTH_BH ? View.FRONTAL : View.SIDE;
    }

    private static double coverage(Tracks k, int... joints) {
        int ok = 0;
        for (int i = 0; i < k.n; i++) {
            boolean all = true;
            for (int j : joints) {
                all &= !Double.isNaN(k.x[j][i]);
            }
            ok += all ? 1 : 0;
        }
        return k.n == 0 ? 0 : ok / (double) k.n;
    }

    private static Double nanToNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /**
     * Gait cycles for the arm swing: with a stride period, one from each heel strike, a period long, where it fits in
     * the strike's walking segment (more cycles than whole strides, which a missed heel strike breaks); without one,
     * the strides.
     */
    private static List<int[]> cycles(Tracks k, List<Stretch> segments, List<FreezeEpisode> freezes,
                                      List<HeelStrike> strikes, List<int[]> strides, double period) {
        if (Double.isNaN(period)) {
            return strides;
        }
        List<int[]> out = new ArrayList<>();
        int length = (int) Math.round(period);
        for (HeelStrike h : strikes) {
            int i = k.nearest(h.time());
            int s = Segments.of(k, segments, freezes, i);
            if (s >= 0 && i + length <= segments.get(s).to()) {
                out.add(new int[] {i, i + length});
            }
        }
        return out.isEmpty() ? strides : out;
    }

    /** Drops intervals far longer than the median: a heel strike was missed between them. */
    private static void dropLong(List<Double> times, List<int[]> pairs) {
        if (times.size() < 3) {
            return;
        }
        double[] all = times.stream().mapToDouble(Double::doubleValue).toArray();
        double median = Signals.quantile(all, 0.5);
        for (int i = times.size() - 1; i >= 0; i--) {
            if (times.get(i) > MAX_STEP_RATIO * median) {
                times.remove(i);
                pairs.remove(i);
            }
        }
    }

    /**
     * A step length: in body heights by {@link Tracks#stature}, and (side view only, else NaN) in pixels, which
     * {@code calibration.metresPerPixel} turns into metres without the pose model's shoulder-to-ankle chain.
     */
    private record Length(double bh, double pixels) {
    }

    /**
     * Side view: the hip centre's progression per step (over whole steps the pelvis moves as far as the feet); on a
     * treadmill, where the pelvis stays, the distance between the heels at heel strike. Frontal view, only with a
     * focal length: the walker's speed towards or away from the camera ({@link #depthSpeed}: distance = focal length x
     * H / height in pixels, fitted against time over each walking segment) times the mean step time; without a step
     * time, the mean change of distance between each step's two heel strikes (which read 4-9 % long on generated
     * walks, and swings with each mistimed heel strike). Null, with the reason in {@code missing}, when not measured.
     */
    private Length stepLength(Tracks k, View view, List<int[]> steps, List<Stretch> segments, Double stepTime,
                              List<MissingParameter> missing) {
        if (steps.isEmpty() && (view == View.SIDE || stepTime == null)) {
            missing.add(new MissingParameter("step_length_bh", "no straight steps"));
            return null;
        }
        if (view == View.SIDE) {
            List<Double> pelvis = new ArrayList<>();
            List<Double> feet = new ArrayList<>();
            List<Double> pelvisPx = new ArrayList<>();
            List<Double> feetPx = new ArrayList<>();
            for (int[] s : steps) {
                int a = s[0];
                int b = s[1];
                double progression = Math.abs(k.hipX[b] - k.hipX[a]);
                pelvisPx.add(progression);
                pelvis.add(progression / ((k.stature[a] + k.stature[b]) / 2));
                int l = k.footJoint(Foot.LEFT, a, b + 1);
                int r = k.footJoint(Foot.RIGHT, a, b + 1);
                double apart = Math.abs(k.x[l][b] - k.x[r][b]);
                feetPx.add(apart);
                feet.add(apart / k.stature[b]);
            }
            double p = Signals.mean(pelvis);
            double f = Signals.mean(feet);
            return p >= 0.5 * f ? new Length(p, Signals.mean(pelvisPx)) : new Length(f, Signals.mean(feetPx));
        }
        double focal = settings.focalLengthPx();
        if (focal <= 0) {
            missing.add(new MissingParameter("step_length_bh", "frontal view: set calibration.focalLengthPx (the"
                    + " camera's focal length in pixels) or film from the side"));
            return null;
        }
        double speed = stepTime == null ? Double.NaN : depthSpeed(k, segments);
        if (!Double.isNaN(speed)) {
            return new Length(speed * stepTime, Double.NaN);
        }
        if (steps.isEmpty()) {
            missing.add(new MissingParameter("step_length_bh", "no straight steps, and no walking segment of "
                    + MIN_FIT_SAMPLES + " samples to fit the speed in depth over"));
            return null;
        }
        List<Double> depth = new ArrayList<>();
        for (int[] s : steps) {
            depth.add(Math.abs(focal / k.stature[s[1]] - focal / k.stature[s[0]]));
        }
        return new Length(Signals.mean(depth), Double.NaN);
    }

    /**
     * Frontal view: the walker's speed towards or away from the camera, body heights per second: the slope of his
     * distance (focal length over stature, in body heights) against time, fitted in each walking segment and averaged
     * weighted by the segments' lengths; NaN when no segment has {@value #MIN_FIT_SAMPLES} samples.
     */
    private double depthSpeed(Tracks k, List<Stretch> segments) {
        double[] z = new double[k.n];
        for (int i = 0; i < k.n; i++) {
            z[i] = settings.focalLengthPx() / k.stature[i];
        }
        double sum = 0;
        double weight = 0;
        for (Stretch s : segments) {
            double n = Math.round(Signals.coverage(z, s.from(), s.to()) * (s.to() - s.from()));
            double slope = Signals.slope(k.t, z, s.from(), s.to());
            if (n < MIN_FIT_SAMPLES || Double.isNaN(slope)) {
                continue;
            }
            sum += Math.abs(slope) * n;
            weight += n;
        }
        return weight == 0 ? Double.NaN : sum / weight;
    }
}
