package io.loupe.pipelines.gait.pose;

import io.loupe.models.ModelException;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.List;

/**
 * A pose source that plays a {@link PoseRecording} instead of running a model: call {@code n} of {@link #detect}
 * returns frame {@code n}'s people, {@link #refine} that frame's refined walker. The frames themselves are not looked
 * at, so the recording must be of the same video, frame for frame.
 */
public final class ReplayedPoseSource implements PoseSource {
    private final PoseRecording recording;
    private final String name;
    private int frame = -1;

    /** @param name where the recording came from, for messages (e.g. its file) */
    public ReplayedPoseSource(PoseRecording recording, String name) {
        this.recording = recording;
        this.name = name;
    }

    /**
     * @throws ModelException when the video has more frames than the recording (it was made from another video)
     */
    @Override
    public List<PersonPose> detect(Mat bgr) throws ModelException {
        frame++;
        if (frame >= recording.frames().size()) {
            throw new ModelException(name + " holds " + recording.frames().size() + " frames and the video has more:"
                    + " it was recorded from another video; delete it to record again");
        }
        return recording.frames().get(frame).people();
    }

    @Override
    public PersonPose refine(Mat bgr, PersonPose person) {
        PersonPose r = frame >= 0 && frame < recording.frames().size() ? recording.frames().get(frame).refined()
                : null;
        return r != null ? r : person;
    }

    @Override
    public String describe() {
        return recording.source() + " (replayed)";
    }

    /** Whether every recorded frame was played: false when the video was shorter than the recording. */
    public boolean finished() {
        return frame == recording.frames().size() - 1;
    }

    @Override
    public void close() {
    }
}
