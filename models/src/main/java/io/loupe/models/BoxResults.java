package io.loupe.models;

import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.Nms;
import io.loupe.models.preprocess.LetterboxGeometry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Turns decoded candidates into the public results: maps them to image pixels, then reads NMS's survivors. */
final class BoxResults {

    private BoxResults() {
    }

    /**
     * Maps candidates {@code from..to} (boxes and keypoints) from model-input pixels back through {@code g}, then moves
     * them by {@code (dx, dy)} (a tile's corner; 0 for a whole image).
     */
    static void toImage(Candidates c, int from, int to, LetterboxGeometry g, float dx, float dy) {
        float sx = 1f / g.scaleX();
        float sy = 1f / g.scaleY();
        c.transform(from, to, sx, sy, dx - g.padLeft() * sx, dy - g.padTop() * sy);
    }

    /** The {@code kept} survivors of {@code nms}, best first, clipped to {@code width x height}. */
    static List<Detection> detections(Candidates c, Nms nms, int kept, List<String> labels, float width,
            float height) {
        List<Detection> detections = new ArrayList<>(kept);
        for (int rank = 0; rank < kept; rank++) {
            detections.add(detection(c, nms.kept(rank), labels, width, height));
        }
        return Collections.unmodifiableList(detections);
    }

    /** As {@link #detections}, with each box's keypoints. */
    static List<Pose> poses(Candidates c, Nms nms, int kept, List<String> labels, float width, float height) {
        List<Pose> poses = new ArrayList<>(kept);
        for (int rank = 0; rank < kept; rank++) {
            int i = nms.kept(rank);
            List<Keypoint> keypoints = new ArrayList<>(c.keypoints());
            for (int k = 0; k < c.keypoints(); k++) {
                float score = c.keypointDims() > 2 ? c.keypoint(i, k, 2) : 1f;
                keypoints.add(new Keypoint(clamp(c.keypoint(i, k, 0), width), clamp(c.keypoint(i, k, 1), height),
                        score));
            }
            poses.add(new Pose(detection(c, i, labels, width, height), keypoints));
        }
        return Collections.unmodifiableList(poses);
    }

    private static Detection detection(Candidates c, int i, List<String> labels, float width, float height) {
        int classId = c.classId(i);
        String label = classId < labels.size() ? labels.get(classId) : "class" + classId;
        return new Detection(classId, label, c.score(i), clamp(c.x1(i), width), clamp(c.y1(i), height),
                clamp(c.x2(i), width), clamp(c.y2(i), height));
    }

    private static float clamp(float value, float max) {
        return Math.max(0f, Math.min(max, value));
    }
}
