package io.loupe.models.yolo;

import java.nio.FloatBuffer;

/**
 * The score of one anchor row of an anchor-major head {@code [1, anchors, 5 + classes]} (YOLOv5, YOLOX): box values at
 * 0-3, objectness at 4, class scores from 5. As those models' own post-processing, an anchor is rejected when its
 * objectness is below the threshold, otherwise its score is objectness times its best class score. The result is kept
 * in fields reused from row to row, one instance per decoder, so nothing is allocated per frame.
 */
final class ObjectnessScore {

    private final int classes;
    private float score;
    private int classId;

    ObjectnessScore(int classes) {
        this.classes = classes;
    }

    /**
     * Scores the row starting at {@code base}; returns whether it reaches {@code minScore}, in which case
     * {@link #score()} and {@link #classId()} hold its score and best class.
     */
    boolean read(FloatBuffer output, int base, float minScore) {
        float objectness = output.get(base + 4);
        if (objectness < minScore) {
            return false;
        }
        int bestClass = 0;
        float bestScore = output.get(base + 5);
        for (int c = 1; c < classes; c++) {
            float s = output.get(base + 5 + c);
            if (s > bestScore) {
                bestScore = s;
                bestClass = c;
            }
        }
        score = objectness * bestScore;
        classId = bestClass;
        return score >= minScore;
    }

    float score() {
        return score;
    }

    int classId() {
        return classId;
    }
}
