package io.loupe.models.yolo;

import java.nio.FloatBuffer;

/**
 * The best class of every anchor in a class-major head ({@code [1, rows, anchors]}, class scores in consecutive rows),
 * read row by row into reused arrays: the access pattern that keeps YOLOv8-style decoding cache-friendly.
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

    float score(int anchor) {
        return bestScore[anchor];
    }

    int classId(int anchor) {
        return bestClass[anchor];
    }
}
