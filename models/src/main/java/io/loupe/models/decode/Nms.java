package io.loupe.models.decode;

import java.util.Arrays;

/**
 * Class-aware greedy non-maximum suppression: candidates are taken best score first; a candidate is dropped when its
 * IoU with an already kept box of the same class is above the threshold (as torchvision's {@code batched_nms}, which
 * Ultralytics uses). Boxes of different classes never suppress each other. The overlap is measured by IoU, or by
 * intersection over the smaller box ({@link OverlapMetric#IOS}) to merge tiles, where suppressed boxes can also widen
 * the box that suppressed them (non-maximum merging). Arrays are reused between calls. Not thread-safe.
 */
public final class Nms {

    /** Ultralytics' default cap on detections per image. */
    public static final int DEFAULT_MAX_DETECTIONS = 300;

    private long[] order = new long[0];
    private boolean[] dropped = new boolean[0];
    private int[] kept = new int[0];
    private float[] merged = new float[0];
    private int keptCount;

    /**
     * Runs NMS on {@code candidates}.
     *
     * @param iouThreshold a box is dropped when its IoU with a better kept box of its class is above this, in [0, 1]
     * @param maxDetections stop after keeping this many (at least 1)
     * @return how many were kept; read them with {@link #kept(int)}
     * @throws IllegalArgumentException for a threshold outside [0, 1] or a cap below 1
     */
    public int run(Candidates candidates, float iouThreshold, int maxDetections) {
        return run(candidates, iouThreshold, maxDetections, OverlapMetric.IOU);
    }

    /**
     * Runs NMS on {@code candidates} with the given overlap measure.
     *
     * @param threshold a box is dropped when its overlap with a better kept box of its class is above this, in [0, 1]
     * @param maxDetections stop after keeping this many (at least 1)
     * @param metric IoU or intersection over the smaller box
     * @return how many were kept; read them with {@link #kept(int)}
     * @throws IllegalArgumentException for a threshold outside [0, 1] or a cap below 1
     */
    public int run(Candidates candidates, float threshold, int maxDetections, OverlapMetric metric) {
        return run(candidates, threshold, maxDetections, metric, false);
    }

    /**
     * Runs NMS, or with {@code merge} greedy non-maximum merging (SAHI's GREEDYNMM, for tiles): each box a kept box
     * suppresses (measured against the kept box as decoded) widens the kept box to cover it, and the kept box's score
     * stays. So an object cut by tile edges into parts, and seen whole only by a lower-scored full-frame pass, comes
     * out whole. The kept boxes are rewritten in {@code candidates}.
     *
     * @throws IllegalArgumentException for a threshold outside [0, 1] or a cap below 1
     */
    public int run(Candidates candidates, float threshold, int maxDetections, OverlapMetric metric, boolean merge) {
        boolean smaller = metric == OverlapMetric.IOS;
        if (!(threshold >= 0f && threshold <= 1f) || maxDetections < 1) {
            throw new IllegalArgumentException("NMS needs an IoU threshold in [0, 1] and maxDetections >= 1, got "
                    + threshold + " and " + maxDetections);
        }
        int n = candidates.size();
        ensureCapacity(n);
        for (int i = 0; i < n; i++) {
            order[i] = ((long) sortable(candidates.score(i)) << 32) | i;
            dropped[i] = false;
        }
        Arrays.sort(order, 0, n);
        keptCount = 0;
        if (merge && merged.length < 4 * n) {
            merged = new float[Math.max(4 * n, merged.length * 2)];
        }
        for (int rank = n - 1; rank >= 0 && keptCount < maxDetections; rank--) {
            int i = (int) order[rank];
            if (dropped[i]) {
                continue;
            }
            kept[keptCount++] = i;
            int cls = candidates.classId(i);
            float left = candidates.x1(i);
            float top = candidates.y1(i);
            float right = candidates.x2(i);
            float bottom = candidates.y2(i);
            for (int next = rank - 1; next >= 0; next--) {
                int j = (int) order[next];
                if (!dropped[j] && candidates.classId(j) == cls
                        && (smaller ? ios(candidates, i, j) : iou(candidates, i, j)) > threshold) {
                    dropped[j] = true;
                    if (merge) {
                        left = Math.min(left, candidates.x1(j));
                        top = Math.min(top, candidates.y1(j));
                        right = Math.max(right, candidates.x2(j));
                        bottom = Math.max(bottom, candidates.y2(j));
                    }
                }
            }
            if (merge) {
                mergedBox(keptCount - 1, left, top, right, bottom);
            }
        }
        if (merge) {
            // Written after the loop: overlaps are measured against the boxes as decoded, as SAHI does.
            for (int rank = 0; rank < keptCount; rank++) {
                candidates.setBox(kept[rank], merged[4 * rank], merged[4 * rank + 1], merged[4 * rank + 2],
                        merged[4 * rank + 3]);
            }
        }
        return keptCount;
    }

    private void mergedBox(int rank, float left, float top, float right, float bottom) {
        merged[4 * rank] = left;
        merged[4 * rank + 1] = top;
        merged[4 * rank + 2] = right;
        merged[4 * rank + 3] = bottom;
    }

    /** The candidate index kept at {@code rank} (0 = best score) by the last {@link #run}. */
    public int kept(int rank) {
        if (rank < 0 || rank >= keptCount) {
            throw new IndexOutOfBoundsException("rank " + rank + " of " + keptCount + " kept");
        }
        return kept[rank];
    }

    /** Intersection over union of two candidates; 0 when both are empty. */
    public static float iou(Candidates c, int a, int b) {
        float left = Math.max(c.x1(a), c.x1(b));
        float top = Math.max(c.y1(a), c.y1(b));
        float right = Math.min(c.x2(a), c.x2(b));
        float bottom = Math.min(c.y2(a), c.y2(b));
        float intersection = Math.max(0f, right - left) * Math.max(0f, bottom - top);
        float union = area(c, a) + area(c, b) - intersection;
        return union <= 0f ? 0f : intersection / union;
    }

    /** Intersection over the smaller of the two areas; 0 when either is empty. */
    public static float ios(Candidates c, int a, int b) {
        float left = Math.max(c.x1(a), c.x1(b));
        float top = Math.max(c.y1(a), c.y1(b));
        float right = Math.min(c.x2(a), c.x2(b));
        float bottom = Math.min(c.y2(a), c.y2(b));
        float intersection = Math.max(0f, right - left) * Math.max(0f, bottom - top);
        float smaller = Math.min(area(c, a), area(c, b));
        return smaller <= 0f ? 0f : intersection / smaller;
    }

    private static float area(Candidates c, int i) {
        return Math.max(0f, c.x2(i) - c.x1(i)) * Math.max(0f, c.y2(i) - c.y1(i));
    }

    /** Maps a float to an int with the same order, negatives included, so scores sort as longs. */
    private static int sortable(float value) {
        int bits = Float.floatToIntBits(value);
        return bits ^ ((bits >> 31) & 0x7fffffff);
    }

    private void ensureCapacity(int n) {
        if (order.length < n) {
            int capacity = Math.max(n, order.length * 2);
            order = new long[capacity];
            dropped = new boolean[capacity];
            kept = new int[capacity];
        }
    }
}
