package io.loupe.models;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Runs one pose model ({@code yolo-pose}) on images, for one thread; see {@link Predictor} for buffers and threads.
 * Make one with {@link Model#newPoseEstimator()}.
 */
public interface PoseEstimator extends Predictor {

    /**
     * Finds the objects (persons) in an image and their keypoints.
     *
     * @param bgr an 8-bit image of any size: BGR, gray or BGRA; only read
     * @return the poses in {@code bgr}'s pixel coordinates, clipped to the image, best score first; empty when
     *     nothing scores above the model's confidence threshold
     * @throws ModelException as {@link Predictor#predict}
     * @throws IllegalStateException when this estimator was closed
     */
    List<Pose> estimate(Mat bgr) throws ModelException;

    /** {@link #estimate} as a {@link Prediction}. */
    @Override
    default Prediction predict(Mat bgr) throws ModelException {
        return new Poses(estimate(bgr));
    }
}
