package io.loupe.pipelines.gait.pose;

import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.mediapipe.BlazePoseTracker;
import io.loupe.models.mediapipe.BodyCheck;
import io.loupe.models.mediapipe.PoseEstimate;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.List;

/**
 * MediaPipe top-down pose as MediaPipe Pose runs it ({@link BlazePoseTracker}): the BlazePose detector finds a
 * person, the landmark model runs on a rotated crop, and while the body stays whole the next crop follows the
 * landmarks. It follows one person at a time (the first detected); for scenes with several people use a person
 * detector ({@link BoxedBlazePoseSource}), which lets the tracker choose the walker.
 */
public final class BlazePoseSource implements PoseSource {
    private final BlazePoseTracker tracker;
    private final String name;
    private boolean closed;

    /**
     * @param detector  the BlazePose detector (decoder {@code mediapipe-ssd})
     * @param landmarks a BlazePose landmark model (decoder {@code blazepose})
     * @throws ModelException when a model's outputs are not what BlazePose's decoders read
     */
    public BlazePoseSource(Model detector, Model landmarks) throws ModelException {
        this.tracker = new BlazePoseTracker(detector, landmarks, BodyCheck.DEFAULT);
        this.name = "mediapipe " + detector.info().id() + " + " + landmarks.info().id();
    }

    @Override
    public List<PersonPose> detect(Mat bgr) throws ModelException {
        PoseEstimate estimate = tracker.estimate(bgr);
        PersonPose person = BlazePoseMapping.map(estimate, bgr.cols(), bgr.rows());
        return person == null ? List.of() : List.of(person);
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            tracker.close();
        }
    }
}
