package io.loupe.appliance.evaluate;

import io.loupe.models.Sha256;
import io.loupe.pipelines.gait.pose.PoseRecording;
import io.loupe.pipelines.gait.pose.PoseSource;
import io.loupe.pipelines.gait.pose.RecordingPoseSource;
import io.loupe.pipelines.gait.pose.ReplayedPoseSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code evaluate --poses DIR} for one walk: the pose model's output is recorded to {@code DIR/walk-NNN.poses} when
 * that file is missing, and replayed from it when it is there (the model is loaded but does not run). A recording made
 * with other pose models or pose settings, or of another video (by its sha256), is refused with the fix.
 */
final class WalkPoses {
    private final Path file;
    private final String key;
    private final PoseRecording replay;
    private RecordingPoseSource recorder;
    private ReplayedPoseSource replayed;

    private WalkPoses(Path file, String key, PoseRecording replay) {
        this.file = file;
        this.key = key;
        this.replay = replay;
    }

    /**
     * @param dir   the {@code --poses} folder, or null (the model runs, nothing is kept)
     * @param video the walk's video
     * @param poses what makes the poses: the models' sha256 and the pose settings (with the video's sha256, the key a
     *              recording is replayed for)
     * @throws IOException when the folder cannot be made, the video cannot be read, or the walk's recording cannot
     *                     be read or was made from something else (the message names the file and the fix)
     */
    static WalkPoses of(Path dir, int walk, Path video, String poses) throws IOException {
        if (dir == null) {
            return new WalkPoses(null, null, null);
        }
        String key = poses + ", video sha256 " + Sha256.of(video);
        Files.createDirectories(dir);
        Path file = dir.resolve(String.format(Locale.ROOT, "walk-%03d.poses", walk));
        if (!Files.isRegularFile(file)) {
            return new WalkPoses(file, key, null);
        }
        PoseRecording r = PoseRecording.read(file);
        if (!r.key().equals(key)) {
            throw new IOException(file + " was recorded with other pose models or pose settings, or from another"
                    + " video (" + r.source() + "); delete " + dir + " or give --poses another folder");
        }
        return new WalkPoses(file, key, r);
    }

    /** The pose source the pipeline is to use, given the one the settings make. */
    PoseSource around(PoseSource source) {
        if (replay != null) {
            source.close();
            replayed = new ReplayedPoseSource(replay, file.toString());
            return replayed;
        }
        if (file != null) {
            recorder = new RecordingPoseSource(source, key);
            return recorder;
        }
        return source;
    }

    /**
     * After the walk was played: writes the recording, or checks that the replay used all of it.
     *
     * @throws IOException when the recording cannot be written, or the video was shorter than the recording
     */
    void finish() throws IOException {
        if (recorder != null) {
            recorder.recording().write(file);
        }
        if (replayed != null && !replayed.finished()) {
            throw new IOException(file + " holds " + replay.frames().size() + " frames, more than the video: it was"
                    + " recorded from another video; delete it to record again");
        }
    }
}
