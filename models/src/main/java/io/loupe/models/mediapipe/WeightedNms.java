package io.loupe.models.mediapipe;

import io.loupe.models.decode.Candidates;
import java.util.Arrays;

/**
 * MediaPipe's weighted non-maximum suppression: take the best remaining box; every remaining box whose IoU with it is
 * above the threshold (itself included) is merged into one box whose corners and keypoints are the score-weighted
 * means of theirs, keeping the best box's score; repeat. Steadier boxes than greedy NMS for detectors whose anchors
 * overlap heavily. Arrays are reused between calls; not thread-safe.
 */
public final class WeightedNms {

    private long[] order = new long[0];
    private boolean[] used = new boolean[0];
    private float[] sum = new float[0];

    /**
     * Merges {@code in} into {@code out} (cleared first; same keypoint shape), best first.
     *
     * @param iouThreshold boxes overlapping the best one by more than this are merged into it, in [0, 1]
     * @param maxDetections at most this many boxes come out (at least 1)
     * @return the number of boxes in {@code out}
     * @throws IllegalArgumentException for a threshold outside [0, 1] or a cap below 1
     */
    public int run(Candidates in, float iouThreshold, int maxDetections, Candidates out) {
        if (!(iouThreshold >= 0f && iouThreshold <= 1f) || maxDetections < 1) {
            throw new IllegalArgumentException("Weighted NMS needs an IoU threshold in [0, 1] and maxDetections >= 1,"
                    + " got " + iouThreshold + " and " + maxDetections);
        }
        out.clear();
        int n = in.size();
        if (order.length < n) {
            order = new long[Math.max(n, order.length * 2)];
            used = new boolean[order.length];
        }
        int values = 4 + in.keypoints() * 2;
        if (sum.length < values) {
            sum = new float[values];
        }
        for (int i = 0; i < n; i++) {
            order[i] = ((long) Float.floatToIntBits(in.score(i)) << 32) | i;
            used[i] = false;
        }
        Arrays.sort(order, 0, n);
        for (int rank = n - 1; rank >= 0 && out.size() < maxDetections; rank--) {
            int best = (int) order[rank];
            if (used[best]) {
                continue;
            }
            Arrays.fill(sum, 0, values, 0f);
            float total = 0f;
            for (int next = rank; next >= 0; next--) {
                int j = (int) order[next];
                if (used[j] || iou(in, best, j) <= iouThreshold) {
                    continue;
                }
                used[j] = true;
                float w = in.score(j);
                total += w;
                sum[0] += w * in.x1(j);
                sum[1] += w * in.y1(j);
                sum[2] += w * in.x2(j);
                sum[3] += w * in.y2(j);
                for (int k = 0; k < in.keypoints(); k++) {
                    sum[4 + 2 * k] += w * in.keypoint(j, k, 0);
                    sum[5 + 2 * k] += w * in.keypoint(j, k, 1);
                }
            }
            int kept = out.add(sum[0] / total, sum[1] / total, sum[2] / total, sum[3] / total, in.score(best),
                    in.classId(best));
            for (int k = 0; k < in.keypoints(); k++) {
                out.setKeypoint(kept, k, 0, sum[4 + 2 * k] / total);
                out.setKeypoint(kept, k, 1, sum[5 + 2 * k] / total);
                if (in.keypointDims() == 3) {
                    out.setKeypoint(kept, k, 2, in.keypoint(best, k, 2));
                }
            }
        }
        return out.size();
    }

    /** Intersection over union of boxes {@code a} and {@code b} of {@code c}; 0 when either is empty. */
    static float iou(Candidates c, int a, int b) {
        float w = Math.min(c.x2(a), c.x2(b)) - Math.max(c.x1(a), c.x1(b));
        float h = Math.min(c.y2(a), c.y2(b)) - Math.max(c.y1(a), c.y1(b));
        if (w <= 0 || h <= 0) {
            return a == b ? 1f : 0f;
        }
        float inter = w * h;
        float union = (c.x2(a) - c.x1(a)) * (c.y2(a) - c.y1(a)) + (c.x2(b) - c.x1(b)) * (c.y2(b) - c.y1(b)) - inter;
        return union <= 0 ? 0f : inter / union;
    }
}
