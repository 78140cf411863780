package io.loupe.pipelines.gait;

import io.loupe.pipelines.gait.analysis.FeetInPicture;
import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.analysis.KeypointSeries;
import io.loupe.pipelines.gait.pose.PersonPose;

/**
 * Cuts walking bouts out of the walker's keypoint stream, online.
 *
 * <p>Idle, it keeps the last {@value #PRE_ROLL_S} s of the walker's samples. A bout starts when the walker moves:
 * the hip centre or either ankle moves more than {@code stillBh} body heights between the means of the first and the
 * last {@value #PART_S} s of a {@value #WINDOW_S} s window (means, so that keypoint jitter is not motion), or, where
 * the pipeline measures the feet's motion in the picture, a foot steps there ({@link #steppingInPicture}: a slow
 * shuffler walking away from the camera moves his keypoints less than the jitter); the bout takes the pre-roll with
 * it. It ends when the walker stays still for {@code stopAfter} (the still tail is cut, so a
 * freeze shorter than that stays inside the bout), is not seen for {@code lostAfter} (left the view; frames without
 * the walker inside a bout are recorded as gaps), another person becomes the walker, it reaches {@code maxLength}, or
 * {@link #finish} is called (end of stream, session change).
 *
 * <p>Worker thread only. Samples go into growing arrays (no allocation per frame in steady state).
 */
final class BoutSegmenter {
    static final double WINDOW_S = 0.6;
    static final double PART_S = 0.2;
    static final double PRE_ROLL_S = 1.0;
    /** Still tail kept after the last movement, seconds. */
    static final double TAIL_S = 0.3;
    /** The points whose motion starts a bout: the hip centre (mean of both hips) and each ankle. */
    private static final int[][] POINTS = {{Joints.LEFT_HIP, Joints.RIGHT_HIP}, {Joints.LEFT_ANKLE, Joints.LEFT_ANKLE},
        {Joints.RIGHT_ANKLE, Joints.RIGHT_ANKLE}};
    private static final int[][] LEGS = {{Joints.LEFT_HIP, Joints.LEFT_KNEE, Joints.LEFT_ANKLE},
        {Joints.RIGHT_HIP, Joints.RIGHT_KNEE, Joints.RIGHT_ANKLE}};

    private final BoutSettings settings;
    private final KeypointSeries pending = new KeypointSeries(64);
    /** The open bout's samples: one buffer for every bout, reused; a finished bout leaves as a copy of its length. */
    private final KeypointSeries bout = new KeypointSeries(512);
    private boolean open;
    private String trackId;
    private double lastSeen = Double.NaN;
    private double lastMoving = Double.NaN;
    private int partialFrames;
    private String partialNote;
    private int frames;

    BoutSegmenter(BoutSettings settings) {
        this.settings = settings;
    }

    /** Whether a bout is open. */
    boolean inBout() {
        return open;
    }

    /** The open bout's start time, or NaN. */
    double boutStart() {
        return open ? bout.time(0) : Double.NaN;
    }

    /**
     * One frame.
     *
     * @param t      the frame's time, seconds
     * @param walker the walker in it, or null when none was seen
     * @param motion the walker's feet's motion in the picture, left and right ({@link FootMotion}; NaN: not measured)
     * @return the bout that this frame ended, or null
     */
    FinishedBout accept(double t, TrackedPerson walker, float[] motion) {
        FinishedBout done = null;
        if (open && walker != null && !walker.trackId().equals(trackId)) {
            done = finish(BoutEnd.WALKER_CHANGED);
        }
        if (walker == null) {
            if (open) {
                bout.addMissing(t);
                frames++;
                if (t - lastSeen >= settings.lostAfter().toMillis() / 1000.0) {
                    return finish(BoutEnd.LEFT_VIEW);
                }
            } else if (!Double.isNaN(lastSeen) && t - lastSeen >= settings.lostAfter().toMillis() / 1000.0) {
                pending.clear();
            }
            return done;
        }
        PersonPose p = walker.pose();
        lastSeen = t;
        if (!open) {
            if (pending.size() > 0 && !walker.trackId().equals(trackId)) {
                pending.clear();
            }
            trackId = walker.trackId();
            pending.add(t, p.x(), p.y(), p.score(), motion[0], motion[1], p.silhouetteBottom());
            trimPending(t);
            if (moving(pending, t)) {
                int from = 0;
                while (from < pending.size() - 1 && pending.time(from) < t - PRE_ROLL_S) {
                    from++;
                }
                open = true;
                bout.clear();
                bout.append(pending, from, pending.size());
                pending.clear();
                lastMoving = t;
                frames = bout.size();
                partialFrames = p.partial() ? 1 : 0;
                partialNote = p.note();
            }
            return done;
        }
        bout.add(t, p.x(), p.y(), p.score(), motion[0], motion[1], p.silhouetteBottom());
        frames++;
        if (p.partial()) {
            partialFrames++;
            partialNote = p.note();
        }
        if (moving(bout, t)) {
            lastMoving = t;
        } else if (t - lastMoving >= settings.stopAfter().toMillis() / 1000.0) {
            return finish(BoutEnd.STOPPED);
        }
        if (t - bout.time(0) >= settings.maxLength().toMillis() / 1000.0) {
            return finish(BoutEnd.MAX_LENGTH);
        }
        return done;
    }

    /** Ends the open bout now (its still tail cut); null when none is open. */
    FinishedBout finish(BoutEnd why) {
        if (!open) {
            return null;
        }
        boolean cutStill = why == BoutEnd.STOPPED || why == BoutEnd.END_OF_STREAM || why == BoutEnd.SESSION_CHANGED;
        double until = cutStill ? Math.min(lastSeen, lastMoving + TAIL_S) : lastSeen;
        int to = bout.size();
        while (to > 1 && bout.time(to - 1) > until) {
            to--;
        }
        KeypointSeries series = bout.slice(0, to);
        FinishedBout done = new FinishedBout(series, series.time(0), series.time(series.size() - 1), why, trackId,
                partialFrames, frames, partialNote);
        open = false;
        pending.clear();
        return done;
    }

    private void trimPending(double t) {
        if (pending.size() > 0 && t - pending.time(0) > 3 * PRE_ROLL_S) {
            int from = 0;
            while (from < pending.size() - 1 && pending.time(from) < t - PRE_ROLL_S) {
                from++;
            }
            pending.removeFirst(from);
        }
    }

    /**
     * Did the hip centre or an ankle move more than {@code stillBh} H between the first and the last
     * {@value #PART_S} s of the last {@value #WINDOW_S} s?
     */
    private boolean moving(KeypointSeries s, double t) {
        int n = s.size();
        if (n < 3 || t - s.time(0) < WINDOW_S * 0.9) {
            return false;
        }
        double h = height(s);
        if (Double.isNaN(h)) {
            return false;
        }
        double limit = settings.stillBh() * h;
        for (int[] pt : POINTS) {
            double ax = 0;
            double ay = 0;
            int na = 0;
            double bx = 0;
            double by = 0;
            int nb = 0;
            for (int i = n - 1; i >= 0 && s.time(i) >= t - WINDOW_S; i--) {
                double x = (s.x(pt[0], i) + s.x(pt[1], i)) / 2.0;
                double y = (s.y(pt[0], i) + s.y(pt[1], i)) / 2.0;
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    continue;
                }
                if (s.time(i) >= t - PART_S) {
                    bx += x;
                    by += y;
                    nb++;
                } else if (s.time(i) < t - WINDOW_S + PART_S) {
                    ax += x;
                    ay += y;
                    na++;
                }
            }
            if (na > 0 && nb > 0 && Math.hypot(bx / nb - ax / na, by / nb - ay / na) > limit) {
                return true;
            }
        }
        return steppingInPicture(s, t);
    }

    /**
     * Did a foot step in the picture over the last {@value #WINDOW_S} s ({@link FeetInPicture#stepping}, on the
     * window's means), where the motion was measured in {@value FeetInPicture#MIN_COVERAGE} of it? Standing and
     * freezing keep both feet near the noise; a slow walker whose keypoints move less than {@code stillBh} still swings
     * a foot.
     */
    private static boolean steppingInPicture(KeypointSeries s, double t) {
        double most = 0;
        double least = 0;
        int measured = 0;
        int samples = 0;
        for (int i = s.size() - 1; i >= 0 && s.time(i) >= t - WINDOW_S; i--) {
            samples++;
            float left = s.footMotion(0, i);
            float right = s.footMotion(1, i);
            if (!Float.isNaN(left) && !Float.isNaN(right)) {
                most += Math.max(left, right);
                least += Math.min(left, right);
                measured++;
            }
        }
        if (measured == 0 || measured < FeetInPicture.MIN_COVERAGE * samples) {
            return false;
        }
        return FeetInPicture.stepping(most / measured, least / measured);
    }

    /** Body height in pixels from the legs of the latest samples that have them, or NaN. */
    private static double height(KeypointSeries s) {
        for (int i = s.size() - 1; i >= Math.max(0, s.size() - 10); i--) {
            double best = Double.NaN;
            for (int[] leg : LEGS) {
                double l = Math.hypot(s.x(leg[0], i) - s.x(leg[1], i), s.y(leg[0], i) - s.y(leg[1], i))
                        + Math.hypot(s.x(leg[1], i) - s.x(leg[2], i), s.y(leg[1], i) - s.y(leg[2], i));
                if (!Double.isNaN(l) && (Double.isNaN(best) || l > best)) {
                    best = l;
                }
            }
            if (!Double.isNaN(best)) {
                return best / 0.491;
            }
        }
        return Double.NaN;
    }
}
