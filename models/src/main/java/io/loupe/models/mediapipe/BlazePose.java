package io.loupe.models.mediapipe;

import io.loupe.models.Detection;
import io.loupe.models.Keypoint;
import io.loupe.models.Pose;
import java.util.ArrayList;
import java.util.List;

/**
 * One BlazePose estimate in frame pixels: the 33 body landmarks (MediaPipe order: nose, eyes, ears, mouth, shoulders,
 * elbows, wrists, hand points, hips, knees, ankles, heels, foot indices), the two auxiliary points MediaPipe uses to
 * place the next frame's crop, the model's pose-presence probability, the crop it was read from, and the lowest frame
 * row of the person's silhouette in the model's segmentation mask: where the lower foot meets the floor, measured
 * apart from the ankle and heel landmarks, which a landmark model may place anywhere inside a shoe.
 *
 * @param landmarks the 33 body landmarks
 * @param hipCentre auxiliary landmark 33 (the ROI centre)
 * @param scalePoint auxiliary landmark 34 (the ROI scale and rotation point)
 * @param poseFlag pose presence, 0..1 (MediaPipe's threshold: 0.5)
 * @param roi the crop the landmarks were found in
 * @param silhouetteBottom the frame row (y down) where the silhouette ends below; NaN when the model has no mask or the
 *     mask holds no person
 */
public record BlazePose(List<Landmark> landmarks, Landmark hipCentre, Landmark scalePoint, float poseFlag,
        PoseRoi roi, float silhouetteBottom) {

    /** Body landmarks. */
    public static final int BODY_LANDMARKS = 33;
    public static final int NOSE = 0;
    public static final int LEFT_EAR = 7;
    public static final int RIGHT_EAR = 8;
    public static final int LEFT_SHOULDER = 11;
    public static final int RIGHT_SHOULDER = 12;
    public static final int LEFT_HIP = 23;
    public static final int RIGHT_HIP = 24;
    public static final int LEFT_KNEE = 25;
    public static final int RIGHT_KNEE = 26;
    public static final int LEFT_ANKLE = 27;
    public static final int RIGHT_ANKLE = 28;
    public static final int LEFT_HEEL = 29;
    public static final int RIGHT_HEEL = 30;
    public static final int LEFT_FOOT_INDEX = 31;
    public static final int RIGHT_FOOT_INDEX = 32;

    /** BlazePose index of each COCO-17 keypoint (nose, eyes, ears, shoulders, elbows, wrists, hips, knees, ankles). */
    public static final int[] COCO17_FROM_BLAZEPOSE = {0, 2, 5, 7, 8, 11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28};

    public BlazePose {
        landmarks = List.copyOf(landmarks);
        if (landmarks.size() != BODY_LANDMARKS) {
            throw new IllegalArgumentException("BlazePose has " + BODY_LANDMARKS + " landmarks, got "
                    + landmarks.size());
        }
    }

    public Landmark landmark(int index) {
        return landmarks.get(index);
    }

    /** The COCO-17 keypoints (score = visibility), in COCO order, for code written for COCO pose models. */
    public List<Keypoint> coco17() {
        List<Keypoint> keypoints = new ArrayList<>(COCO17_FROM_BLAZEPOSE.length);
        for (int index : COCO17_FROM_BLAZEPOSE) {
            Landmark l = landmarks.get(index);
            keypoints.add(new Keypoint(l.x(), l.y(), l.visibility()));
        }
        return keypoints;
    }

    /**
     * As a {@link Pose} of COCO-17 keypoints: the box bounds the body landmarks present (presence at least 0.5), its
     * score is the pose flag.
     */
    public Pose toCocoPose() {
        float x1 = Float.MAX_VALUE;
        float y1 = Float.MAX_VALUE;
        float x2 = -Float.MAX_VALUE;
        float y2 = -Float.MAX_VALUE;
        for (Landmark l : landmarks) {
            if (l.presence() >= 0.5f) {
                x1 = Math.min(x1, l.x());
                y1 = Math.min(y1, l.y());
                x2 = Math.max(x2, l.x());
                y2 = Math.max(y2, l.y());
            }
        }
        if (x1 > x2) {
            x1 = x2 = roi.centreX();
            y1 = y2 = roi.centreY();
        }
        return new Pose(new Detection(0, "person", poseFlag, x1, y1, x2, y2), coco17());
    }
}
