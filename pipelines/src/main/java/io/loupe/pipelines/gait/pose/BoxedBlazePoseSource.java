package io.loupe.pipelines.gait.pose;

import io.loupe.models.Detection;
import io.loupe.models.Detector;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.mediapipe.BlazePoseTracker;
import io.loupe.models.mediapipe.BodyCheck;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.List;

/**
 * Top-down pose with any person detector: {@link #detect} gives the person boxes (label {@code person}, or every box
 * of a one-class detector), the walker is chosen among them by the pipeline's tracker, and {@link #refine} runs the
 * BlazePose landmark model on the walker's box only (an upright crop, its longer side ×1.25).
 */
public final class BoxedBlazePoseSource implements PoseSource {
    /**
     * The person detector vouches for a person in the box, so the landmark model's pose flag need only be
     * {@value #MIN_POSE_FLAG} (MediaPipe's 0.5 is for crops nobody vouched for); on a legs-only crop the flag is often
     * lower, and the body is still judged partial by the rest of {@link BodyCheck#DEFAULT}.
     */
    static final float MIN_POSE_FLAG = 0.1f;
    private static final BodyCheck BOXED = new BodyCheck(MIN_POSE_FLAG, BodyCheck.DEFAULT.minPresence(),
            BodyCheck.DEFAULT.frameMargin(), BodyCheck.DEFAULT.minUpperBodyEvidence());
    private final Detector detector;
    private final BlazePoseTracker landmarks;
    private final boolean oneClass;
    private final float minPersonScore;
    private final String name;
    private boolean closed;

    /**
     * @throws ModelException when the landmark model's outputs are not what BlazePose's decoder reads
     */
    public BoxedBlazePoseSource(Model detector, Model landmarks, double minPersonScore) throws ModelException {
        this.landmarks = new BlazePoseTracker(null, landmarks, BOXED);
        try {
            this.detector = detector.newDetector();
        } catch (RuntimeException e) {
            this.landmarks.close();
            throw e;
        }
        this.oneClass = detector.info().labels().size() <= 1;
        this.minPersonScore = (float) minPersonScore;
        this.name = "mediapipe " + detector.info().id() + " boxes + " + landmarks.info().id();
    }

    @Override
    public List<PersonPose> detect(Mat bgr) throws ModelException {
        List<PersonPose> out = new ArrayList<>();
        for (Detection d : detector.detect(bgr)) {
            if ((oneClass || "person".equals(d.label())) && d.score() >= minPersonScore) {
                out.add(PersonPose.boxOnly(d));
            }
        }
        return out;
    }

    @Override
    public PersonPose refine(Mat bgr, PersonPose person) throws ModelException {
        PersonPose found = BlazePoseMapping.map(landmarks.estimate(bgr, person.box()), bgr.cols(), bgr.rows());
        return found == null ? null : new PersonPose(person.box(), found.x(), found.y(), found.score(),
                found.silhouetteBottom(), found.partial(), found.note());
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            detector.close();
            landmarks.close();
        }
    }
}
