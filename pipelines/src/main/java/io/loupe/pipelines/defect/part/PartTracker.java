package io.loupe.pipelines.defect.part;

import io.loupe.pipelines.defect.Box;
import io.loupe.pipelines.defect.PresenceSettings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Follows parts from frame to frame by their centroids (predicted with each part's last motion, once for each frame
 * since it was seen, so that a fast belt or a few frames of glare do not lose them) and says, once per part, when it
 * is to be judged: tracked for {@code minTrackFrames} frames and fully in view. A part whose track ends without that
 * happening is reported as left unjudged, also once. Ids are stable for a part's whole crossing and never reused.
 * Worker thread only.
 */
public final class PartTracker {

    /** A tracked part. */
    public static final class Track {
        private final long id;
        private Box box;
        private double vx;
        private double vy;
        private int age;
        private int missed;
        private boolean judged;

        Track(long id, Box box) {
            this.id = id;
            this.box = box;
            this.age = 1;
        }

        public long id() {
            return id;
        }

        /** The part id in results: {@code P<n>}. */
        public String partId() {
            return "P" + id;
        }

        /** Where it was last seen. */
        public Box box() {
            return box;
        }

        /** Frames it was seen in. */
        public int age() {
            return age;
        }

        public boolean judged() {
            return judged;
        }

        /** Where it should be now: its last motion a frame, once for each frame since it was seen. */
        double predictedX() {
            return box.centerX() + vx * (missed + 1);
        }

        double predictedY() {
            return box.centerY() + vy * (missed + 1);
        }
    }

    /**
     * What one frame changed.
     *
     * @param judgeNow        parts to judge in this frame
     * @param leftUnjudged    parts whose track ended before they were ever fully in view
     */
    public record Update(List<Track> judgeNow, List<Track> leftUnjudged) {
    }

    private static final Update NOTHING = new Update(List.of(), List.of());

    private final PresenceSettings settings;
    private final List<Track> tracks = new ArrayList<>();
    private long nextId = 1;
    /** Per-frame working arrays, reused (grown when needed) so that a frame allocates none. */
    private int[] blobTrack = new int[8];
    private boolean[] seen = new boolean[8];
    private boolean[] trackTaken = new boolean[8];

    public PartTracker(PresenceSettings settings) {
        this.settings = settings;
    }

    /**
     * Advances by one frame.
     *
     * @param blobs       the parts found in this frame
     * @param fullyInView whether a box is fully in view (inside the ROI, clear of its edges)
     */
    public Update update(List<Box> blobs, Predicate<Box> fullyInView) {
        if (blobs.isEmpty() && tracks.isEmpty()) {
            return NOTHING;
        }
        match(blobs);
        seen = cleared(seen, tracks.size());
        for (int b = 0; b < blobs.size(); b++) {
            int t = blobTrack[b];
            if (t >= 0) {
                Track track = tracks.get(t);
                Box box = blobs.get(b);
                track.vx = motion(track.box.x(), track.box.right(), box.x(), box.right()) / (track.missed + 1.0);
                track.vy = motion(track.box.y(), track.box.bottom(), box.y(), box.bottom()) / (track.missed + 1.0);
                track.box = box;
                track.age++;
                track.missed = 0;
                seen[t] = true;
            }
        }
        List<Track> left = null;
        List<Track> judge = null;
        int existing = tracks.size();
        for (int t = existing - 1; t >= 0; t--) {
            if (seen[t]) {
                continue;
            }
            Track track = tracks.get(t);
            track.missed++;
            if (track.missed > settings.maxMissedFrames()) {
                tracks.remove(t);
                if (!track.judged && track.age >= settings.minTrackFrames()) {
                    if (left == null) {
                        left = new ArrayList<>(1);
                    }
                    left.add(0, track);
                }
            }
        }
        for (int b = 0; b < blobs.size(); b++) {
            if (blobTrack[b] < 0) {
                tracks.add(new Track(nextId++, blobs.get(b)));
            }
        }
        for (int t = 0; t < tracks.size(); t++) {
            Track track = tracks.get(t);
            if (!track.judged && track.missed == 0 && track.age >= settings.minTrackFrames()
                    && fullyInView.test(track.box)) {
                track.judged = true;
                if (judge == null) {
                    judge = new ArrayList<>(1);
                }
                judge.add(track);
            }
        }
        if (judge == null && left == null) {
            return NOTHING;
        }
        return new Update(judge == null ? List.of() : judge, left == null ? List.of() : left);
    }

    /**
     * How far a part moved along one axis: the edge that moved more, since a part entering or leaving the view is cut
     * off at the frame's edge, where its other edge (and so its centre) lags behind the belt.
     */
    private static int motion(int fromLow, int fromHigh, int toLow, int toHigh) {
        int low = toLow - fromLow;
        int high = toHigh - fromHigh;
        return Math.abs(low) >= Math.abs(high) ? low : high;
    }

    /** {@code buffer} if it holds {@code n} values, else a larger one; its first {@code n} values false. */
    private static boolean[] cleared(boolean[] buffer, int n) {
        boolean[] out = buffer.length >= n ? buffer : new boolean[Math.max(n, 2 * buffer.length)];
        Arrays.fill(out, 0, n, false);
        return out;
    }

    /**
     * Greedy nearest-first matching of blobs to tracks' predicted centroids within {@code maxJumpPx}: sets
     * {@code blobTrack[b]} to blob {@code b}'s track, or -1.
     */
    private void match(List<Box> blobs) {
        if (blobTrack.length < blobs.size()) {
            blobTrack = new int[Math.max(blobs.size(), 2 * blobTrack.length)];
        }
        Arrays.fill(blobTrack, 0, blobs.size(), -1);
        if (tracks.isEmpty() || blobs.isEmpty()) {
            return;
        }
        trackTaken = cleared(trackTaken, tracks.size());
        double max = settings.maxJumpPx();
        while (true) {
            double best = max;
            int bestBlob = -1;
            int bestTrack = -1;
            for (int b = 0; b < blobs.size(); b++) {
                if (blobTrack[b] >= 0) {
                    continue;
                }
                Box box = blobs.get(b);
                for (int t = 0; t < tracks.size(); t++) {
                    if (trackTaken[t]) {
                        continue;
                    }
                    Track track = tracks.get(t);
                    double d = Math.hypot(box.centerX() - track.predictedX(), box.centerY() - track.predictedY());
                    if (d <= best) {
                        best = d;
                        bestBlob = b;
                        bestTrack = t;
                    }
                }
            }
            if (bestBlob < 0) {
                return;
            }
            blobTrack[bestBlob] = bestTrack;
            trackTaken[bestTrack] = true;
        }
    }

    /** Parts being tracked now. */
    public int active() {
        return tracks.size();
    }

    /** Parts seen since the start (the number of ids handed out). */
    public long seen() {
        return nextId - 1;
    }
}
