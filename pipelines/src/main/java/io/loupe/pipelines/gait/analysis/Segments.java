package io.loupe.pipelines.gait.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Walking segments: the straight stretches with every freezing episode cut out, and {@value #FREEZE_EDGE_S} s after
 * each (where the feet start out of the freeze). Steps, strides and the walking time are measured within segments
 * only, so cadence is steps per minute of walking: freezes and turns (which lie between stretches) are not part of it,
 * as in the generator's truth, where a step that spans a freeze or a turn is not a straight step. The heel strike just
 * before a freeze (the foot lands, and stays) does belong to the segment before it: see
 * {@link #restsUntil(Tracks, Stretch, List)}.
 */
final class Segments {
    /**
     * Cut after a freezing episode (the feet starting out of it), seconds; also how far into a freeze the heel strike
     * before it is looked for.
     */
    static final double FREEZE_EDGE_S = 0.25;
    /** Shorter pieces are dropped, seconds: too short for a step. */
    static final double MIN_SEGMENT_S = 0.4;

    private Segments() {
    }

    /** The walking segments of {@code stretches}, in order. */
    static List<Stretch> walking(Tracks k, List<Stretch> stretches, List<FreezeEpisode> freezes) {
        List<Stretch> out = new ArrayList<>();
        for (Stretch s : stretches) {
            int from = s.from();
            for (int i = s.from(); i <= s.to(); i++) {
                boolean cut = i == s.to() || frozen(k.t[i], freezes);
                if (cut) {
                    if (i > from && k.t[i - 1] - k.t[from] >= MIN_SEGMENT_S) {
                        out.add(new Stretch(from, i, s.dir()));
                    }
                    from = i + 1;
                }
            }
        }
        return out;
    }

    /** Seconds spent walking: the segments' total duration. */
    static double seconds(Tracks k, List<Stretch> segments) {
        double sum = 0;
        for (Stretch s : segments) {
            sum += k.t[s.to() - 1] - k.t[s.from()];
        }
        return sum;
    }

    /** Seconds of the longest segment (0 without one). */
    static double longest(Tracks k, List<Stretch> segments) {
        double max = 0;
        for (Stretch s : segments) {
            max = Math.max(max, k.t[s.to() - 1] - k.t[s.from()]);
        }
        return max;
    }

    /**
     * The index of the segment holding sample {@code i}, or -1, counting with each segment the samples into a freeze
     * after it where its last heel strike is looked for ({@link #restsUntil}).
     */
    static int of(Tracks k, List<Stretch> segments, List<FreezeEpisode> freezes, int i) {
        for (int s = 0; s < segments.size(); s++) {
            if (i >= segments.get(s).from() && i < restsUntil(k, segments.get(s), freezes)) {
                return s;
            }
        }
        return -1;
    }

    /**
     * Where a segment that a freezing episode ends may be searched for its last heel strike: {@value #FREEZE_EDGE_S} s
     * into the freeze (the freeze is found where both feet have been still, which begins as the last foot lands), or
     * the segment's own end when no freeze follows it.
     */
    static int restsUntil(Tracks k, Stretch segment, List<FreezeEpisode> freezes) {
        if (segment.to() >= k.n) {
            return segment.to();
        }
        double next = k.t[segment.to()];
        for (FreezeEpisode f : freezes) {
            if (next >= f.startS() && next <= f.endS()) {
                int reach = segment.to();
                while (reach < k.n && k.t[reach] <= f.startS() + FREEZE_EDGE_S) {
                    reach++;
                }
                return reach;
            }
        }
        return segment.to();
    }

    private static boolean frozen(double t, List<FreezeEpisode> freezes) {
        for (FreezeEpisode f : freezes) {
            if (t >= f.startS() && t <= f.endS() + FREEZE_EDGE_S) {
                return true;
            }
        }
        return false;
    }
}
