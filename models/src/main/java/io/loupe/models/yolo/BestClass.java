package io.loupe.models.yolo;

import io.loupe.models.decode.Candidates;
import java.nio.FloatBuffer;

/**
 * The best class of every anchor in a class-major head ({@code [1, rows, anchors]}, class scores in consecutive rows),
 * read row by row into reused arrays: the access pattern that keeps YOLOv8-style decoding cache-friendly. Also turns an
 * anchor into a candidate from the box rows 0-3 (centre x, centre y, width, height in input pixels) that such heads
 * share.
 */
final class BestClass {

    private final int classes;
    private final int anchors;
    private final float[] bestScore;
    private final int[] bestClass;

    BestClass(int classes, int anchors) {
        this.classes = classes;
        this.anchors = anchors;
        this.bestScore = new float[anchors];
        this.bestClass = new int[anchors];
    }

    /** Scans the class rows starting at row {@code firstRow}. */
    void scan(FloatBuffer output, int firstRow) {
        int n = anchors;
        int base = firstRow * n;
        for (int i = 0; i < n; i++) {
            bestScore[i] = output.get(base + i);
            bestClass[i] = 0;
        }
        for (int c = 1; c < classes; c++) {
            base = (firstRow + c) * n;
            for (int i = 0; i < n; i++) {
                float score = output.get(base + i);
                if (score > bestScore[i]) {
                    bestScore[i] = score;
                    bestClass[i] = c;
                }
            }
        }
    }

    /**
     * Adds {@code anchor} to {@code out} with its box from rows 0-3 and its best class and score from the last
     * {@link #scan}; returns the candidate's index (for keypoints).
     */
    int addCandidate(FloatBuffer output, int anchor, Candidates out) {
        int n = anchors;
        float cx = output.get(anchor);
        float cy = output.get(n + anchor);
        float halfW = output.get(2 * n + anchor) / 2f;
        float halfH = output.get(3 * n + anchor) / 2f;
        return out.add(cx - halfW, cy - halfH, cx + halfW, cy + halfH, bestScore[anchor], bestClass[anchor]);
    }

    float score(int anchor) {
        return bestScore[anchor];
    }
}
