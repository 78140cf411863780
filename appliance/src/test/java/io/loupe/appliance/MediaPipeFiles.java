package io.loupe.appliance;

import static org.junit.jupiter.api.Assertions.fail;

import io.loupe.models.ModelException;
import io.loupe.models.mediapipe.MediaPipeFetcher;
import io.loupe.models.mediapipe.MediaPipeModel;
import io.loupe.models.mediapipe.RegistryUnreachableException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Assumptions;

/**
 * MediaPipe's pose models for tests, fetched from the npm registry (pinned, sha256-checked) into
 * {@code models/target/mediapipe}, where the models module's tests put them too (or {@code LOUPE_MEDIAPIPE_CACHE}).
 * Skipped with the reason when the registry cannot be reached, except under {@code -Pci}, where that fails.
 */
public final class MediaPipeFiles {
    private MediaPipeFiles() {
    }

    /** The folder holding the pose detector and the full landmark model. */
    public static Path pose() {
        return fetched(EnumSet.of(MediaPipeModel.POSE_DETECTOR, MediaPipeModel.POSE_LANDMARK_FULL));
    }

    /** The folder of {@link #pose()}, also holding the heavy landmark model (27.7 MB: fetched only when asked for). */
    public static Path poseWithHeavy() {
        return fetched(EnumSet.of(MediaPipeModel.POSE_DETECTOR, MediaPipeModel.POSE_LANDMARK_FULL,
                MediaPipeModel.POSE_LANDMARK_HEAVY));
    }

    private static synchronized Path fetched(EnumSet<MediaPipeModel> models) {
        String cache = System.getenv("LOUPE_MEDIAPIPE_CACHE");
        Path folder = cache != null && !cache.isBlank() ? Path.of(cache)
                : Repo.root().resolve("models/target/mediapipe");
        try {
            new MediaPipeFetcher(MediaPipeFetcher.NPM_REGISTRY, Duration.ofMinutes(3), null).fetch(folder, models);
        } catch (RegistryUnreachableException e) {
            String reason = "MediaPipe models are not in " + folder + " and npm is unreachable: " + e.getMessage();
            if (Environment.ci()) {
                fail(reason + "; CI (-Pci) requires them", e);
            }
            Assumptions.abort(reason + "; skipping");
        } catch (ModelException e) {
            fail("fetching the MediaPipe models failed: " + e.getMessage(), e);
        }
        return folder;
    }
}
