package io.loupe.pipelines.gait;

import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.pose.PersonPose;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Follows the people in view from frame to frame with stable ids and chooses the walker.
 *
 * <p>Matching: greedy by box overlap (IoU at least {@value #MIN_IOU}), then by centre distance (below
 * {@value #MAX_JUMP} of the box height) for what is left; a person not matched starts a new track; a track not seen
 * for {@code lostAfter} seconds ends.
 *
 * <p>The walker: among tracks seen at least {@value #MIN_FRAMES} frames and at least {@value #MIN_HEIGHT_SHARE} as
 * tall as the tallest person in view (the patient is the prominent person; small figures in the background are not
 * candidates), the one that moved most over the last
 * {@value #HISTORY_S} s — box-centre path plus the path of the ankles relative to each other, in box heights —
 * provided it moved at least {@value #MIN_MOTION} of its height (so a seated bystander or a standing nurse is not
 * taken while someone walks); when nobody moved that much, provisionally the tallest person in view (a patient about
 * to start, or walking on a treadmill), chosen again every frame until one moves. Once the walker has moved that
 * much it is kept as long as its track lives. Ties go to the larger box.
 *
 * <p>Worker thread only. Allocates a track per new person; nothing per frame in steady state beyond the matching's
 * small lists.
 */
final class PersonTracker {
    static final float MIN_IOU = 0.2f;
    static final float MAX_JUMP = 0.5f;
    static final int MIN_FRAMES = 3;
    static final double HISTORY_S = 2.0;
    static final double MIN_MOTION = 0.3;
    static final float MIN_HEIGHT_SHARE = 0.5f;
    private static final int HISTORY = 128;

    private final double lostAfter;
    private final List<Track> tracks = new ArrayList<>();
    private int nextId = 1;
    private Track walker;
    /** The walker has moved at least {@link #MIN_MOTION}: kept until lost, not re-chosen. */
    private boolean confirmed;

    PersonTracker(double lostAfterSeconds) {
        this.lostAfter = lostAfterSeconds;
    }

    /** Updates the tracks with one frame's people; returns the walker, or null when there is none. */
    TrackedPerson update(List<PersonPose> people, double t) {
        for (Track track : tracks) {
            track.matched = null;
        }
        boolean[] used = new boolean[people.size()];
        // IoU first, best pairs first
        while (true) {
            float best = MIN_IOU;
            Track bt = null;
            int bp = -1;
            for (Track track : tracks) {
                if (track.matched != null) {
                    continue;
                }
                for (int p = 0; p < people.size(); p++) {
                    if (!used[p]) {
                        float iou = iou(track.last, people.get(p));
                        if (iou >= best) {
                            best = iou;
                            bt = track;
                            bp = p;
                        }
                    }
                }
            }
            if (bt == null) {
                break;
            }
            bt.matched = people.get(bp);
            used[bp] = true;
        }
        for (Track track : tracks) {
            if (track.matched != null) {
                continue;
            }
            float h = track.last.box().height();
            double bestDistance = MAX_JUMP * h;
            int bp = -1;
            for (int p = 0; p < people.size(); p++) {
                if (!used[p]) {
                    double d = Math.hypot(people.get(p).centreX() - track.last.centreX(),
                            people.get(p).centreY() - track.last.centreY());
                    if (d < bestDistance) {
                        bestDistance = d;
                        bp = p;
                    }
                }
            }
            if (bp >= 0) {
                track.matched = people.get(bp);
                used[bp] = true;
            }
        }
        for (Track track : tracks) {
            if (track.matched != null) {
                track.see(track.matched, t);
            }
        }
        for (int p = 0; p < people.size(); p++) {
            if (!used[p]) {
                Track track = new Track("T" + nextId++);
                track.see(people.get(p), t);
                tracks.add(track);
            }
        }
        for (Iterator<Track> it = tracks.iterator(); it.hasNext(); ) {
            Track track = it.next();
            if (t - track.lastSeen > lostAfter) {
                it.remove();
                if (track == walker) {
                    walker = null;
                    confirmed = false;
                }
            }
        }
        if (walker == null || !confirmed) {
            walker = choose(t);
            confirmed = walker != null && walker.motion(t) >= MIN_MOTION;
        }
        return walker != null && walker.lastSeen == t ? new TrackedPerson(walker.id, walker.last) : null;
    }

    /**
     * The walker's keypoints found after {@link #update} (top-down sources give boxes first): they replace the
     * track's latest ankles, so that its motion counts the feet.
     */
    void refined(TrackedPerson walker) {
        if (this.walker != null && this.walker.id.equals(walker.trackId())) {
            this.walker.refine(walker.pose());
        }
    }

    /** The id of the current walker's track, or null. */
    String walkerId() {
        return walker == null ? null : walker.id;
    }

    /** Tracks alive now. */
    int tracks() {
        return tracks.size();
    }

    /** Forgets every track. */
    void reset() {
        tracks.clear();
        walker = null;
        confirmed = false;
    }

    private Track choose(double t) {
        Track best = null;
        double bestMotion = MIN_MOTION;
        float tallest = 0;
        for (Track track : tracks) {
            if (track.lastSeen == t) {
                tallest = Math.max(tallest, track.last.box().height());
            }
        }
        for (Track track : tracks) {
            if (track.lastSeen != t || track.last.box().height() < MIN_HEIGHT_SHARE * tallest) {
                continue;
            }
            if (track.frames < MIN_FRAMES) {
                continue;
            }
            double motion = track.motion(t);
            if (motion > bestMotion || (best != null && motion == bestMotion
                    && track.last.box().height() > best.last.box().height())) {
                bestMotion = motion;
                best = track;
            }
        }
        if (best == null) {
            for (Track track : tracks) {
                if (track.lastSeen == t && track.frames >= MIN_FRAMES && (best == null
                        || track.last.box().height() > best.last.box().height())) {
                    best = track;
                }
            }
        }
        return best;
    }

    private static float iou(PersonPose a, PersonPose b) {
        float w = Math.min(a.box().x2(), b.box().x2()) - Math.max(a.box().x1(), b.box().x1());
        float h = Math.min(a.box().y2(), b.box().y2()) - Math.max(a.box().y1(), b.box().y1());
        if (w <= 0 || h <= 0) {
            return 0f;
        }
        float inter = w * h;
        float union = a.box().width() * a.box().height() + b.box().width() * b.box().height() - inter;
        return union <= 0 ? 0f : inter / union;
    }

    /** One person followed over frames: a ring of recent centres and ankle positions. */
    private static final class Track {
        final String id;
        final double[] times = new double[HISTORY];
        final float[] cx = new float[HISTORY];
        final float[] cy = new float[HISTORY];
        final float[] ankleX = new float[HISTORY];
        final float[] ankleY = new float[HISTORY];
        int frames;
        double lastSeen;
        PersonPose last;
        PersonPose matched;

        Track(String id) {
            this.id = id;
        }

        void see(PersonPose pose, double t) {
            int i = frames % HISTORY;
            times[i] = t;
            cx[i] = pose.centreX();
            cy[i] = pose.centreY();
            float lx = pose.x()[Joints.LEFT_ANKLE];
            float rx = pose.x()[Joints.RIGHT_ANKLE];
            ankleX[i] = Float.isNaN(lx) || Float.isNaN(rx) ? Float.NaN : lx - rx;
            ankleY[i] = Float.isNaN(lx) || Float.isNaN(rx) ? Float.NaN
                    : pose.y()[Joints.LEFT_ANKLE] - pose.y()[Joints.RIGHT_ANKLE];
            frames++;
            lastSeen = t;
            last = pose;
        }

        void refine(PersonPose pose) {
            int i = (frames - 1) % HISTORY;
            float lx = pose.x()[Joints.LEFT_ANKLE];
            float rx = pose.x()[Joints.RIGHT_ANKLE];
            ankleX[i] = Float.isNaN(lx) || Float.isNaN(rx) ? Float.NaN : lx - rx;
            ankleY[i] = Float.isNaN(lx) || Float.isNaN(rx) ? Float.NaN
                    : pose.y()[Joints.LEFT_ANKLE] - pose.y()[Joints.RIGHT_ANKLE];
        }

        /** Path of the box centre plus path of the ankles relative to each other, over the history, in box heights. */
        double motion(double now) {
            int n = Math.min(frames, HISTORY);
            double path = 0;
            double feet = 0;
            int prev = -1;
            for (int k = n - 1; k >= 0; k--) {
                int i = (frames - 1 - k) % HISTORY;
                if (now - times[i] > HISTORY_S) {
                    continue;
                }
                if (prev >= 0) {
                    path += Math.hypot(cx[i] - cx[prev], cy[i] - cy[prev]);
                    if (!Float.isNaN(ankleX[i]) && !Float.isNaN(ankleX[prev])) {
                        feet += Math.hypot(ankleX[i] - ankleX[prev], ankleY[i] - ankleY[prev]);
                    }
                }
                prev = i;
            }
            float h = Math.max(1f, last.box().height());
            return (path + feet) / h;
        }
    }
}
