package io.loupe.pipelines.gait;

import io.loupe.models.ModelException;
import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.pose.PersonPose;
import io.loupe.pipelines.gait.pose.PoseRecording;
import io.loupe.pipelines.gait.pose.RecordingPoseSource;
import io.loupe.pipelines.gait.pose.ReplayedPoseSource;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A pose source's output recorded to a file and played back: the gait analysis then sees exactly what the model gave,
 * without the model.
 */
class PoseRecordingTest {

    @Test
    void recordedWalk_writtenAndReplayed_givesEveryFramesPeopleAndRefinedWalker_thenRefusesMoreFrames(
            @TempDir Path dir) throws Exception {
        // given a walk's keypoints played by a source with a bystander, recorded, refined on every other frame
        SyntheticWalks.Walk walk = SyntheticWalks.make(5, 1, 4, 0.005, 0.03).get(0);
        List<List<PersonPose>> given = new ArrayList<>();
        Path file = dir.resolve("walk-001.poses");
        try (RecordingPoseSource recorder = new RecordingPoseSource(new RefinedOnePixelRight(walk), "sha-of-model");
                Mat frame = new Mat()) {
            for (int i = 0; i < walk.series().size(); i++) {
                List<PersonPose> people = recorder.detect(frame);
                given.add(people);
                if (i % 2 == 0 && !people.isEmpty()) {
                    recorder.refine(frame, people.get(0));
                }
            }
            // when it is written and read back
            recorder.recording().write(file);
        }
        PoseRecording read = PoseRecording.read(file);

        // then it names what made it, and the replay gives every frame's people as recorded, NaN joints included
        assertThat(read.source()).isEqualTo("replay");
        assertThat(read.key()).isEqualTo("sha-of-model");
        ReplayedPoseSource replay = new ReplayedPoseSource(read, file.toString());
        try (Mat frame = new Mat()) {
            for (int i = 0; i < given.size(); i++) {
                List<PersonPose> people = replay.detect(frame);
                assertThat(people).hasSameSizeAs(given.get(i));
                for (int p = 0; p < people.size(); p++) {
                    assertThat(people.get(p).box()).isEqualTo(given.get(i).get(p).box());
                    assertThat(people.get(p).x()).containsExactly(given.get(i).get(p).x());
                    assertThat(people.get(p).score()).containsExactly(given.get(i).get(p).score());
                }
                if (!people.isEmpty()) { // the recorded refinement where one was asked for, else the person as given
                    PersonPose refined = replay.refine(frame, people.get(0));
                    // as arrays: a joint the walk dropped in this frame is NaN in both, and equal as array elements
                    assertThat(new float[] {refined.x()[Joints.LEFT_ANKLE]}).as("frame %d", i)
                            .containsExactly(people.get(0).x()[Joints.LEFT_ANKLE] + (i % 2 == 0 ? 1 : 0));
                    assertThat(new float[] {refined.silhouetteBottom()}).as("frame %d", i)
                            .containsExactly(i % 2 == 0 ? SOLE_Y : Float.NaN);
                }
            }
            assertThat(replay.finished()).isTrue();
            assertThat(Float.isNaN(given.get(given.size() - 1).get(1).x()[Joints.NOSE])).as("the bystander is a box")
                    .isTrue();
            // and a video longer than the recording is refused, naming the file and the fix
            assertThatThrownBy(() -> replay.detect(frame)).isInstanceOf(ModelException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("delete it to record again");
        }
    }

    private static final float SOLE_Y = 250.5f;

    /**
     * The walk with a bystander, whose refinement moves every joint one pixel right (so that it can be told apart) and
     * gives a silhouette's lower end.
     */
    private static final class RefinedOnePixelRight extends ReplayPoseSource {
        RefinedOnePixelRight(SyntheticWalks.Walk walk) {
            super(walk.series(), true);
        }

        @Override
        public PersonPose refine(Mat bgr, PersonPose person) {
            float[] x = person.x().clone();
            for (int j = 0; j < x.length; j++) {
                x[j] += 1;
            }
            return new PersonPose(person.box(), x, person.y(), person.score(), SOLE_Y, person.partial(),
                    person.note());
        }
    }

    @Test
    void recordingInTheOlderFormat_isRefusedNamingItsFormatAndTheFix(@TempDir Path dir) throws Exception {
        // given a recording made before people carried the silhouette's lower end
        Path file = dir.resolve("walk-001.poses");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            out.writeUTF("loupe.gait.poses/1");
            out.writeUTF("replay");
            out.writeUTF("sha-of-model");
            out.writeInt(0);
        }

        assertThatThrownBy(() -> PoseRecording.read(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("older format (loupe.gait.poses/1, this version reads loupe.gait.poses/2)")
                .hasMessageContaining("delete it to record again");
    }

    @Test
    void fileThatIsNotARecording_isRefusedNamingItAndTheFix(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("walk-001.poses"), "not poses");

        assertThatThrownBy(() -> PoseRecording.read(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("delete it to record again");
    }
}
