package io.loupe.appliance.evaluate;

import io.loupe.models.Detection;
import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.pose.PersonPose;
import io.loupe.pipelines.gait.pose.PoseSource;
import io.loupe.samples.gait.truth.FrameKeypoints;
import io.loupe.samples.gait.truth.WalkTruth;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.Arrays;
import java.util.List;

/**
 * {@code evaluate --true-poses}: a pose source that gives, for call {@code n} of {@link #detect}, the walker as the
 * walk's truth has him in frame {@code n} — his box and every labelled COCO-17 keypoint where it truly is (hidden ones
 * too, each at score 1; no heels or toes, which the truth does not hold, as with a YOLO-pose model). What the gait
 * pipeline then measures is what its analysis makes of perfect keypoints: the errors left are the analysis's own, the
 * rest of a pose model's run is the pose model's. The frames themselves are not looked at here (the pipeline still
 * reads the feet in the picture from them).
 */
final class TruePoseSource implements PoseSource {
    private final WalkTruth truth;
    private int frame = -1;

    TruePoseSource(WalkTruth truth) {
        this.truth = truth;
    }

    /** Call {@code n}: frame {@code n}'s walker, or nobody where the truth has no keypoint in the picture. */
    @Override
    public List<PersonPose> detect(Mat bgr) {
        frame++;
        if (frame >= truth.frames().size()) {
            return List.of();
        }
        FrameKeypoints f = truth.frames().get(frame);
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        float[] score = new float[Joints.COUNT];
        Arrays.fill(x, Float.NaN);
        Arrays.fill(y, Float.NaN);
        boolean any = false;
        for (int j = 0; j < Joints.COCO; j++) {
            if (f.v(j) > 0) {
                x[j] = (float) f.x(j);
                y[j] = (float) f.y(j);
                score[j] = 1;
                any = true;
            }
        }
        if (!any) {
            return List.of();
        }
        Detection box = new Detection(0, "person", 1, f.box().x(), f.box().y(), f.box().right(), f.box().bottom());
        return List.of(new PersonPose(box, x, y, score, false, null));
    }

    @Override
    public String describe() {
        return "the walks' true keypoints, no pose model";
    }

    @Override
    public void close() {
    }
}
