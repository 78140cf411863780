package io.loupe.pipelines.gait.pose;

import io.loupe.models.ModelException;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.List;

/**
 * Finds the people in a frame and their keypoints, for one pipeline worker (not thread-safe). Implementations:
 * {@link YoloPoseSource} (every person with COCO-17 keypoints), {@link BlazePoseSource} (MediaPipe top-down with the
 * BlazePose detector, one person tracked from frame to frame) and {@link BoxedBlazePoseSource} (any person detector
 * for boxes, BlazePose landmarks on the chosen walker only).
 */
public interface PoseSource extends AutoCloseable {

    /**
     * The people in a frame.
     *
     * @param bgr the frame, 8-bit BGR; only read
     * @return the people, best first; empty when none
     * @throws ModelException when inference fails (the frame is skipped and counted by the worker)
     */
    List<PersonPose> detect(Mat bgr) throws ModelException;

    /**
     * The keypoints of the person chosen as the walker, for sources whose {@link #detect} gives boxes only; others
     * return {@code person} unchanged.
     *
     * @throws ModelException when inference fails
     */
    default PersonPose refine(Mat bgr, PersonPose person) throws ModelException {
        return person;
    }

    /** A short description for logs and the status page, e.g. {@code "yolo-pose yolo11n-pose"}. */
    String describe();

    /** Releases predictors and buffers (the models stay open). Idempotent. */
    @Override
    void close();
}
