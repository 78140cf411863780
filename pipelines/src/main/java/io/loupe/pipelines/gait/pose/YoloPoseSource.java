package io.loupe.pipelines.gait.pose;

import io.loupe.models.Keypoint;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.Pose;
import io.loupe.models.PoseEstimator;
import io.loupe.pipelines.gait.analysis.Joints;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bottom-up COCO-17 pose from a YOLO-pose export ({@link PoseEstimator}): every person above
 * {@code minPersonScore}, keypoints below {@code minKeypointScore} missing. No heels or toes.
 */
public final class YoloPoseSource implements PoseSource {
    private final PoseEstimator estimator;
    private final String name;
    private final float minKeypointScore;
    private final float minPersonScore;
    private boolean closed;

    /**
     * @throws IllegalArgumentException when the model is not a COCO-17 pose model
     */
    public YoloPoseSource(Model model, double minKeypointScore, double minPersonScore) {
        this.estimator = model.newPoseEstimator();
        this.name = "yolo-pose " + model.info().id();
        this.minKeypointScore = (float) minKeypointScore;
        this.minPersonScore = (float) minPersonScore;
    }

    @Override
    public List<PersonPose> detect(Mat bgr) throws ModelException {
        List<Pose> poses = estimator.estimate(bgr);
        List<PersonPose> out = new ArrayList<>(poses.size());
        for (Pose p : poses) {
            if (p.box().score() < minPersonScore) {
                continue;
            }
            if (p.keypoints().size() < Joints.COCO) {
                throw new ModelException("pose model " + name + " gives " + p.keypoints().size() + " keypoints per"
                        + " person; the gait pipeline needs COCO-17 (kpt_shape [17, 3])");
            }
            float[] x = new float[Joints.COUNT];
            float[] y = new float[Joints.COUNT];
            float[] s = new float[Joints.COUNT];
            Arrays.fill(x, Float.NaN);
            Arrays.fill(y, Float.NaN);
            for (int j = 0; j < Joints.COCO; j++) {
                Keypoint k = p.keypoints().get(j);
                if (k.score() >= minKeypointScore) {
                    x[j] = k.x();
                    y[j] = k.y();
                    s[j] = k.score();
                }
            }
            out.add(new PersonPose(p.box(), x, y, s, false, null));
        }
        return out;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            estimator.close();
        }
    }
}
