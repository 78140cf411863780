package io.loupe.pipelines.gait.pose;

import io.loupe.models.ModelException;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.List;

/**
 * A pose source that passes every call to another and keeps what it returned, frame by frame, for a
 * {@link PoseRecording}. Keeps the whole video's poses in memory (a few hundred bytes a frame): for evaluation runs,
 * not for a camera that runs for days.
 */
public final class RecordingPoseSource implements PoseSource {
    private final PoseSource inner;
    private final String key;
    private final List<List<PersonPose>> people = new ArrayList<>();
    private final List<PersonPose> refined = new ArrayList<>();

    /**
     * @param inner the source that runs the model; closed with this one
     * @param key   what the poses are made from, written into the recording ({@link PoseRecording#key()})
     */
    public RecordingPoseSource(PoseSource inner, String key) {
        this.inner = inner;
        this.key = key;
    }

    @Override
    public List<PersonPose> detect(Mat bgr) throws ModelException {
        List<PersonPose> found = inner.detect(bgr);
        people.add(List.copyOf(found));
        refined.add(null);
        return found;
    }

    @Override
    public PersonPose refine(Mat bgr, PersonPose person) throws ModelException {
        PersonPose r = inner.refine(bgr, person);
        if (!refined.isEmpty()) {
            refined.set(refined.size() - 1, r);
        }
        return r;
    }

    /** What was recorded so far. */
    public PoseRecording recording() {
        List<PoseRecording.Frame> frames = new ArrayList<>(people.size());
        for (int i = 0; i < people.size(); i++) {
            frames.add(new PoseRecording.Frame(people.get(i), refined.get(i)));
        }
        return new PoseRecording(inner.describe(), key, frames);
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void close() {
        inner.close();
    }
}
