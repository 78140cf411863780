package io.loupe.pipelines.gait.pose;

import io.loupe.models.mediapipe.BlazePose;
import io.loupe.models.mediapipe.Landmark;
import io.loupe.models.mediapipe.PoseEstimate;
import io.loupe.models.mediapipe.PoseVerdict;
import io.loupe.pipelines.gait.analysis.Joints;

import java.util.Arrays;

/**
 * BlazePose's 33 landmarks as the gait joints: the COCO-17 ones ({@link BlazePose#COCO17_FROM_BLAZEPOSE}) plus heels
 * and foot indices (toes). A landmark is kept when its presence is at least {@value #MIN_PRESENCE} and it lies in the
 * frame; the score is its visibility. For a {@link PoseVerdict#PARTIAL_BODY} estimate (e.g. legs only, where the model
 * invents a torso) the upper body (face, shoulders, elbows, wrists) is dropped, and a lower-body landmark is kept only
 * where the model's heatmap saw it (evidence at least 0, when the model has a heatmap): partial bodies are reported,
 * not hallucinated. The silhouette's lower end is kept for a whole body that ends above the frame's last row (feet
 * cut off by the frame's edge end there, not on the floor).
 */
final class BlazePoseMapping {
    static final float MIN_PRESENCE = 0.5f;
    private static final int[] FEET = {BlazePose.LEFT_HEEL, BlazePose.RIGHT_HEEL, BlazePose.LEFT_FOOT_INDEX,
        BlazePose.RIGHT_FOOT_INDEX};

    private BlazePoseMapping() {
    }

    /** The estimate as a person, or null for {@link PoseVerdict#NO_PERSON}. */
    static PersonPose map(PoseEstimate estimate, int width, int height) {
        if (estimate.verdict() == PoseVerdict.NO_PERSON || estimate.pose() == null) {
            return null;
        }
        boolean partial = estimate.verdict() == PoseVerdict.PARTIAL_BODY;
        BlazePose pose = estimate.pose();
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        float[] s = new float[Joints.COUNT];
        Arrays.fill(x, Float.NaN);
        Arrays.fill(y, Float.NaN);
        for (int j = 0; j < Joints.COUNT; j++) {
            int index = j < Joints.COCO ? BlazePose.COCO17_FROM_BLAZEPOSE[j] : FEET[j - Joints.COCO];
            if (partial && j < Joints.UPPER_BODY_END) {
                continue;
            }
            Landmark l = pose.landmark(index);
            boolean inside = l.x() >= 0 && l.x() < width && l.y() >= 0 && l.y() < height;
            if (l.presence() >= MIN_PRESENCE && inside) {
                x[j] = l.x();
                y[j] = l.y();
                s[j] = l.visibility();
            }
        }
        float bottom = partial || !(pose.silhouetteBottom() < height - 1) ? Float.NaN : pose.silhouetteBottom();
        return new PersonPose(pose.toCocoPose().box(), x, y, s, bottom, partial, partial ? estimate.reason() : null);
    }
}
