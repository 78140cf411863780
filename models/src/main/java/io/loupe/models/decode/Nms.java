package io.loupe.models.decode;

import java.util.Arrays;

/**
 * Class-aware greedy non-maximum suppression: candidates are taken best score first; a candidate is dropped when its
 * IoU with an already kept box of the same class is above the threshold (as torchvision's {@code batched_nms}, which
 * Ultralytics uses). Boxes of different classes never suppress each other. Arrays are reused between calls. Not
 * thread-safe.
 */
public final class Nms {

    /** Ultralytics' default cap on detections per image. */
    public static final int DEFAULT_MAX_DETECTIONS = 300;

    private long[] order = new long[0];
    private boolean[] dropped = new boolean[0];
    private int[] kept = new int[0];
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
        if (!(iouThreshold >= 0f && iouThreshold <= 1f) || maxDetections < 1) {
            throw new IllegalArgumentException("NMS needs an IoU threshold in [0, 1] and maxDetections >= 1, got "
                    + iouThreshold + " and " + maxDetections);
        }
        int n = candidates.size();
        ensureCapacity(n);
        for (int i = 0; i < n; i++) {
            order[i] = ((long) sortable(candidates.score(i)) << 32) | i;
            dropped[i] = false;
        }
        Arrays.sort(order, 0, n);
        keptCount = 0;
        for (int rank = n - 1; rank >= 0 && keptCount < maxDetections; rank--) {
            int i = (int) order[rank];
            if (dropped[i]) {
                continue;
            }
            kept[keptCount++] = i;
            int cls = candidates.classId(i);
            for (int next = rank - 1; next >= 0; next--) {
                int j = (int) order[next];
                if (!dropped[j] && candidates.classId(j) == cls && iou(candidates, i, j) > iouThreshold) {
                    dropped[j] = true;
                }
            }
        }
        return keptCount;
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
