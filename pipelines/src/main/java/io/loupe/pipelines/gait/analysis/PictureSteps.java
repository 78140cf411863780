package io.loupe.pipelines.gait.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Side view: heel strikes from the feet's motion in the picture (see {@link KeypointSeries#footMotion}) for a walker
 * whose steps are too short for the keypoints to time. A shuffler's feet stay close together, and a pose model puts
 * both ankle keypoints about where the near foot is: on the generated score-4 walkers (steps of 0.05-0.09 body heights)
 * BlazePose's ankles did not follow the feet's lead over the pelvis (truly ±10 pixels a step; the landmarks' moved
 * within their jitter), and the heel strikes found in them were noise (no cadence on half the bouts, 93-109 steps/min
 * on walkers taking 61-69). The picture still shows each step: the swinging foot changes it, and it falls quiet as the
 * foot lands, because a shuffler rests on both feet between steps.
 *
 * <p>Used where the leading foot's lead over the pelvis ({@link HeelStrikes#lead}) ranges less than
 * {@value #SHORT_LEAD_BH} H (5-95 %) in the walking segments and both feet's motion was measured in
 * {@value FeetInPicture#MIN_COVERAGE} of their samples, unless the landings it finds are far sparser than the keypoints'
 * rhythm ({@link #sparserThanRhythm}). The signal is the mean of the two feet's change (their boxes
 * overlap when the feet are this close, and which foot swings does not matter for timing), with one-frame spikes
 * removed (a median over three samples: a compressed video's key frames change the whole picture at once) and then
 * averaged over three. A foot lands where it falls through {@value #LEVEL_SHARE} of the way from the bout's resting
 * level (its {@value #REST_QUANTILE} quantile) to its swinging level (the walking segments'
 * {@value #SWING_QUANTILE} quantile), after at least {@value #MIN_SWING_S} s above it, timed between samples. The feet
 * alternate within a segment, the first being the one whose box changed more during its swing.
 */
final class PictureSteps {
    /** Below this 5-95 % range of the leading foot's lead over the pelvis (body heights) the picture times steps. */
    static final double SHORT_LEAD_BH = 0.1;
    /**
     * Where between the resting and the swinging level a landing foot is taken to have landed (0.1-0.4 measured on
     * eight generated sets: 0.2 timed the most bouts within 5 %).
     */
    static final double LEVEL_SHARE = 0.2;
    static final double REST_QUANTILE = 0.1;
    static final double SWING_QUANTILE = 0.9;
    /** A swing lasts at least this long, seconds. */
    static final double MIN_SWING_S = 0.12;
    /**
     * Landings further apart than this many of the keypoints' half stride periods (median) are too few for steps: the
     * keypoints time the bout ({@link #sparserThanRhythm}).
     */
    static final double MAX_HALF_PERIODS = 1.5;

    private PictureSteps() {
    }

    /**
     * The bout's heel strikes from the picture, where the picture times it (see the class comment: {@link #apply},
     * and landings no sparser than the keypoints' rhythm, {@link #sparserThanRhythm}); empty where the keypoints do.
     *
     * @param period the keypoints' stride period in samples ({@link HeelStrikes#period}), NaN when none was found
     */
    static Optional<List<HeelStrike>> strikes(Tracks k, View view, List<Stretch> segments, List<FreezeEpisode> freezes,
                                              double period) {
        if (!apply(k, view, segments)) {
            return Optional.empty();
        }
        List<HeelStrike> landings = find(k, segments, freezes);
        return sparserThanRhythm(k, landings, segments, freezes, period) ? Optional.empty() : Optional.of(landings);
    }

    /** Whether a bout's feet stay close enough for the picture to time its steps (see the class comment). */
    static boolean apply(Tracks k, View view, List<Stretch> segments) {
        if (view != View.SIDE || !k.motionMeasured(segments)) {
            return false;
        }
        double[] lead = segments.stream().map(s -> HeelStrikes.lead(k, s)).flatMapToDouble(Arrays::stream).toArray();
        return Signals.quantile(lead, 0.95) - Signals.quantile(lead, 0.05) < SHORT_LEAD_BH;
    }

    /**
     * Whether {@code landings} ({@link #find}) come far more sparsely than the keypoints' rhythm has steps: their median
     * interval within a walking segment more than {@value #MAX_HALF_PERIODS} half stride periods ({@code period}, in
     * samples, {@link HeelStrikes#period}); false when either is missing. The lead's range that sends a bout here does
     * not only catch shufflers: on true keypoints it ranges 0.076-0.131 H for the generated score-3 walkers, whose feet
     * never rest together, so the picture shows few landings (seed 2411 walk 9: one every 1.7 s for steps of 0.57 s,
     * step length read 0.416 for 0.145 H) while their keypoints keep a clear rhythm. A shuffler's keypoints, which
     * BlazePose puts on one foot, have no rhythm that disagrees: with full or heavy no bout of the nine generated sets
     * changed.
     */
    static boolean sparserThanRhythm(Tracks k, List<HeelStrike> landings, List<Stretch> segments,
                                     List<FreezeEpisode> freezes, double period) {
        if (Double.isNaN(period)) {
            return false;
        }
        List<Double> gaps = new ArrayList<>();
        int previous = -1;
        for (int i = 0; i < landings.size(); i++) {
            int segment = Segments.of(k, segments, freezes, k.nearest(landings.get(i).time()));
            if (i > 0 && segment >= 0 && segment == previous) {
                gaps.add(landings.get(i).time() - landings.get(i - 1).time());
            }
            previous = segment;
        }
        if (gaps.isEmpty()) {
            return false;
        }
        double median = Signals.quantile(gaps.stream().mapToDouble(Double::doubleValue).toArray(), 0.5);
        return median > MAX_HALF_PERIODS * period / k.fps / 2;
    }

    /** Heel strikes in the walking segments, in time order; none where the picture shows no steps. */
    static List<HeelStrike> find(Tracks k, List<Stretch> segments, List<FreezeEpisode> freezes) {
        double[] m = new double[k.n];
        for (int i = 0; i < k.n; i++) {
            double l = k.motion[0][i];
            double r = k.motion[1][i];
            m[i] = Double.isNaN(l) ? r : Double.isNaN(r) ? l : (l + r) / 2;
        }
        m = Signals.smooth(Signals.rollingQuantile(m, 1, 0.5), 1);
        double[] walking = new double[k.n];
        Arrays.fill(walking, Double.NaN);
        for (Stretch s : segments) {
            System.arraycopy(m, s.from(), walking, s.from(), s.to() - s.from());
        }
        double rest = Signals.quantile(m, REST_QUANTILE);
        double swing = Signals.quantile(walking, SWING_QUANTILE);
        List<HeelStrike> out = new ArrayList<>();
        if (!FeetInPicture.stepping(swing, rest)) {
            return out;
        }
        double level = rest + LEVEL_SHARE * (swing - rest);
        int minSwing = k.samples(MIN_SWING_S);
        List<Landing> landings = new ArrayList<>();
        int run = 0;
        for (int i = 1; i < k.n; i++) {
            run = m[i - 1] > level ? run + 1 : 0;
            if (run >= minSwing && m[i] <= level) {
                double at = k.t[i - 1] + (k.t[i] - k.t[i - 1]) * (m[i - 1] - level) / (m[i - 1] - m[i]);
                landings.add(new Landing(i - 1, i - run, at));
            }
        }
        for (Stretch s : segments) {
            int reach = Segments.restsUntil(k, s, freezes);
            Foot next = null;
            for (Landing landing : landings) {
                if (landing.last() < s.from() || landing.last() + 1 >= reach) {
                    continue;
                }
                if (next == null) {
                    next = moreChanged(k, landing.swingFrom(), landing.last() + 1);
                }
                out.add(new HeelStrike(landing.at(), next));
                next = next == Foot.LEFT ? Foot.RIGHT : Foot.LEFT;
            }
        }
        out.sort(Comparator.comparingDouble(HeelStrike::time));
        return out;
    }

    /** A swing's end: its last sample above the level, its first, and when the change fell through the level. */
    private record Landing(int last, int swingFrom, double at) {
    }

    /** The foot whose box changed more over samples {@code [from, to)}. */
    private static Foot moreChanged(Tracks k, int from, int to) {
        double left = 0;
        double right = 0;
        for (int i = from; i < to; i++) {
            left += Double.isNaN(k.motion[0][i]) ? 0 : k.motion[0][i];
            right += Double.isNaN(k.motion[1][i]) ? 0 : k.motion[1][i];
        }
        return left >= right ? Foot.LEFT : Foot.RIGHT;
    }
}
