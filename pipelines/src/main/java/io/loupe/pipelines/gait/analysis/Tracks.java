package io.loupe.pipelines.gait.analysis;

import java.util.List;

/**
 * A bout's keypoints made ready for measuring: left and right kept consistent ({@link LeftRight}), each joint's x and
 * y with short gaps filled and smoothed, the pose model's score per joint and sample (0 where missing), the body
 * height in pixels per sample, and the hip and shoulder centres.
 *
 * <p>Body height, two estimates. {@link #h}, the scale of the analysis's thresholds and of the walking direction: the
 * legs' segment lengths (hip to knee plus knee to ankle, the mean of both legs) are {@value #LEG_SHARE} of body height
 * by Winter's anthropometric proportions (hip joint at 0.530 H, ankle at 0.039 H; D. A. Winter, Biomechanics and Motor
 * Control of Human Movement); the median over a second is taken so that keypoint jitter and a leg foreshortened in a
 * few frames do not change the scale. Without legs, the trunk (hip centre to shoulder centre, {@value #TRUNK_SHARE} H)
 * stands in. {@link #stature}, the unit of step length: the chain from the shoulders through the hips to the ankles
 * ({@value #LEG_SHARE} + {@value #TRUNK_SHARE} H) scaled by {@link #floorScale}. A pose model's hip keypoint need not
 * sit on the hip joint (BlazePose puts it low on our rendered walkers: thigh and shank 7-12 % short, the trunk 1-7 %
 * long), and where it sits between shoulder and knee does not change the chain; on the generated walks it measured
 * 0.93-0.97 of the true chain where the legs alone measured 0.88-0.93. Where it puts the ankle inside the shoe does
 * (BlazePose full: 0.02-0.03 H high on our walkers). Where the pose model segments the person, the chain is taken on
 * to the floor: the lower ankle's height above the silhouette's lower end is added and the chain taken for the
 * shoulders' height, {@value #SHOULDER_SHARE} H (Winter: the ankle joint 0.039 H above the sole), so that what the
 * shank loses to a high ankle its height above the floor gains. That holds where the walker is seen side-on, where the
 * silhouette ends at his soles; seen from the front a foot's length points at the camera and shows as height in the
 * picture, more as he nears. So the chain is scaled by what the floor added to it in the side-on samples
 * ({@link #floorScale}): in a side view nearly all of them, in a frontal view his turn; the same pose model's
 * shortfall on the same walker in the same bout. The legs stay the scale for the rest: in a frontal view the trunk
 * foreshortens as the walker leans, which made the walking direction, and so the frontal cadence, worse.
 */
final class Tracks {
    static final double LEG_SHARE = 0.491;
    static final double TRUNK_SHARE = 0.288;
    /** Shoulder height: the chain plus the ankle joint's height above the sole, 0.039 H (Winter). */
    static final double SHOULDER_SHARE = 0.818;
    /**
     * The lower ankle more than this share of the chain above the silhouette's lower end is not standing on it (the
     * mask took in something below the feet, or the ankle keypoints are lost): that sample does not measure the floor.
     * A foot lifting off its toes raises the ankle about 0.08 H, a tenth of the chain.
     */
    static final double MAX_ANKLE_HEIGHT = 0.15;
    static final double HEIGHT_QUANTILE = 0.5;
    /**
     * Side-on: shoulders and hips spread across the picture (summed) less than this share of body height (BlazePose
     * full on four generated sets' walking frames, median: 0.04 in side views, 0.37 in frontal ones).
     */
    static final double SIDE_ON_SPREAD = 0.15;
    /** {@link #floorScale} needs the floor measured side-on in at least this many seconds' worth of samples. */
    static final double MIN_SIDE_ON_S = 0.2;

    final int n;
    final double[] t;
    final double fps;
    final double[][] x = new double[Joints.COUNT][];
    final double[][] y = new double[Joints.COUNT][];
    /** The pose model's score per joint and sample as given (0 where the joint is missing), not smoothed. */
    final double[][] score = new double[Joints.COUNT][];
    /** Body height in pixels per sample from the legs (NaN only when neither legs nor trunk were ever seen). */
    final double[] h;
    /**
     * How much longer the body height to the floor measures than the chain's share of it, median over the samples in
     * which the walker was seen side-on with the floor measured (in a frontal walk: his turn); 1 where he was seen so
     * in fewer than {@value #MIN_SIDE_ON_S} s of samples. The floor's filters bound it: 0.952 (the floor at the ankles)
     * to 1.095 (the ankles {@value #MAX_ANKLE_HEIGHT} of the chain above it).
     */
    final double floorScale;
    /**
     * Body height in pixels per sample from shoulders, hips and ankles, times {@link #floorScale}; {@link #h} where
     * those were never seen.
     */
    final double[] stature;
    final double[] hipX;
    final double[] hipY;
    final double[] shoulderX;
    final double[] shoulderY;
    /**
     * Per foot (left, right) and sample, how much it moved in the picture since the previous frame (grey levels, see
     * {@link KeypointSeries#footMotion}), short gaps filled, not smoothed; NaN where not measured.
     */
    final double[][] motion = new double[2][];

    Tracks(KeypointSeries s, AnalysisSettings a) {
        n = s.size();
        t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = s.time(i);
        }
        fps = n > 1 && t[n - 1] > t[0] ? (n - 1) / (t[n - 1] - t[0]) : 25;
        int gap = (int) Math.round(a.maxGapS() * fps);
        int half = (int) Math.round(a.smoothingS() * fps / 2);
        double[][] rawX = new double[Joints.COUNT][n];
        double[][] rawY = new double[Joints.COUNT][n];
        for (int j = 0; j < Joints.COUNT; j++) {
            score[j] = new double[n];
            for (int i = 0; i < n; i++) {
                rawX[j][i] = s.x(j, i);
                rawY[j][i] = s.y(j, i);
                score[j][i] = Double.isNaN(rawX[j][i]) ? 0 : s.score(j, i);
            }
        }
        for (int f = 0; f < 2; f++) {
            motion[f] = new double[n];
            for (int i = 0; i < n; i++) {
                motion[f][i] = s.footMotion(f, i);
            }
        }
        LeftRight.untangle(rawX, rawY, score, motion);
        for (int f = 0; f < 2; f++) {
            motion[f] = Signals.fillGaps(motion[f], gap);
        }
        for (int j = 0; j < Joints.COUNT; j++) {
            x[j] = Signals.smooth(Signals.fillGaps(rawX[j], gap), half);
            y[j] = Signals.smooth(Signals.fillGaps(rawY[j], gap), half);
        }
        hipX = mid(x, Joints.LEFT_HIP, Joints.RIGHT_HIP);
        hipY = mid(y, Joints.LEFT_HIP, Joints.RIGHT_HIP);
        shoulderX = mid(x, Joints.LEFT_SHOULDER, Joints.RIGHT_SHOULDER);
        shoulderY = mid(y, Joints.LEFT_SHOULDER, Joints.RIGHT_SHOULDER);
        double[] leg = new double[n];
        double[] trunk = new double[n];
        double[] chain = new double[n];
        double[] sideOnFloor = new double[n];
        int sideOnSamples = 0;
        for (int i = 0; i < n; i++) {
            double l = dist(Joints.LEFT_HIP, Joints.LEFT_KNEE, i) + dist(Joints.LEFT_KNEE, Joints.LEFT_ANKLE, i);
            double r = dist(Joints.RIGHT_HIP, Joints.RIGHT_KNEE, i) + dist(Joints.RIGHT_KNEE, Joints.RIGHT_ANKLE, i);
            leg[i] = Double.isNaN(l) ? r : Double.isNaN(r) ? l : (l + r) / 2;
            trunk[i] = Math.hypot(hipX[i] - shoulderX[i], hipY[i] - shoulderY[i]);
            chain[i] = leg[i] + trunk[i];
            double byChain = chain[i] / (LEG_SHARE + TRUNK_SHARE);
            double above = s.silhouetteBottom(i) - lowerAnkleY(i);
            boolean measured = above >= 0 && above <= MAX_ANKLE_HEIGHT * chain[i] && sideOn(i, byChain);
            sideOnFloor[i] = measured ? (chain[i] + above) / SHOULDER_SHARE / byChain : Double.NaN;
            sideOnSamples += measured ? 1 : 0;
        }
        h = anySeen(leg) ? bodyHeight(leg, LEG_SHARE) : bodyHeight(trunk, TRUNK_SHARE);
        floorScale = sideOnSamples >= samples(MIN_SIDE_ON_S) ? Signals.quantile(sideOnFloor, 0.5) : 1;
        stature = anySeen(chain) ? scaled(bodyHeight(chain, LEG_SHARE + TRUNK_SHARE), floorScale) : h;
    }

    /**
     * Side-on: shoulders and hips spread across the picture (summed) less than {@value #SIDE_ON_SPREAD} of
     * {@code height}, the body height the chain gives.
     */
    private boolean sideOn(int i, double height) {
        double spread = Math.abs(x[Joints.LEFT_SHOULDER][i] - x[Joints.RIGHT_SHOULDER][i])
                + Math.abs(x[Joints.LEFT_HIP][i] - x[Joints.RIGHT_HIP][i]);
        return spread < SIDE_ON_SPREAD * height;
    }

    private static double[] scaled(double[] v, double factor) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return v;
    }

    /** The lower ankle's row (the larger y), or the one seen; NaN when neither is. */
    private double lowerAnkleY(int i) {
        double left = y[Joints.LEFT_ANKLE][i];
        double right = y[Joints.RIGHT_ANKLE][i];
        return Double.isNaN(left) ? right : Double.isNaN(right) ? left : Math.max(left, right);
    }

    private static boolean anySeen(double[] v) {
        for (double d : v) {
            if (!Double.isNaN(d)) {
                return true;
            }
        }
        return false;
    }

    private double[] mid(double[][] v, int a, int b) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (v[a][i] + v[b][i]) / 2;
        }
        return out;
    }

    private double dist(int a, int b, int i) {
        return Math.hypot(x[a][i] - x[b][i], y[a][i] - y[b][i]);
    }

    /**
     * Body height per sample from {@code part}'s length in pixels, which is {@code share} of it: the median over a
     * second, gaps filled, the ends holding the nearest value (NaN everywhere when the part was never seen).
     */
    private double[] bodyHeight(double[] part, double share) {
        int window = Math.max(1, (int) Math.round(0.5 * fps));
        double[] est = Signals.rollingQuantile(part, window, HEIGHT_QUANTILE);
        for (int i = 0; i < n; i++) {
            est[i] /= share;
        }
        est = Signals.fillGaps(est, n);
        // ends: hold the nearest value
        int first = 0;
        while (first < n && Double.isNaN(est[first])) {
            first++;
        }
        int last = n - 1;
        while (last >= 0 && Double.isNaN(est[last])) {
            last--;
        }
        for (int i = 0; i < first && first < n; i++) {
            est[i] = est[first];
        }
        for (int i = last + 1; i < n && last >= 0; i++) {
            est[i] = est[last];
        }
        return est;
    }

    /**
     * Whether both feet's motion in the picture was measured in {@value FeetInPicture#MIN_COVERAGE} of the samples of
     * {@code parts} (false when they hold none).
     */
    boolean motionMeasured(List<Stretch> parts) {
        int seen = 0;
        int all = 0;
        for (Stretch s : parts) {
            for (int i = s.from(); i < s.to(); i++) {
                seen += Double.isNaN(motion[0][i]) || Double.isNaN(motion[1][i]) ? 0 : 1;
            }
            all += s.to() - s.from();
        }
        return all > 0 && seen >= FeetInPicture.MIN_COVERAGE * all;
    }

    /** The foot point for heel strikes: the heel where it was seen in most samples, else the ankle. */
    int footJoint(Foot foot, int from, int to) {
        return Signals.coverage(x[foot.heel()], from, to) >= 0.8 ? foot.heel() : foot.ankle();
    }

    /** Samples within ±{@code seconds}. */
    int samples(double seconds) {
        return Math.max(1, (int) Math.round(seconds * fps));
    }

    /** Index of the sample nearest to {@code time}. */
    int nearest(double time) {
        int i = index(time);
        return i > 0 && time - t[i - 1] < t[i] - time ? i - 1 : i;
    }

    /** Index of the first sample at or after {@code time}. */
    int index(double time) {
        int i = 0;
        while (i < n - 1 && t[i] < time) {
            i++;
        }
        return i;
    }
}
