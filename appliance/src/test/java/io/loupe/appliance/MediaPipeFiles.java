package io.loupe.appliance;

import io.loupe.models.mediapipe.MediaPipeModel;
import io.loupe.models.mediapipe.MediaPipeTestModels;
import java.nio.file.Path;

/**
 * The folder of MediaPipe's pose models that the demo configuration's gait pipeline runs, for tests that point that
 * configuration at it: fetched by the models module's {@link MediaPipeTestModels} (pinned, sha256-checked, skipped
 * with the reason when npm cannot be reached, a failure under {@code -Pci}).
 */
public final class MediaPipeFiles {
    private MediaPipeFiles() {
    }

    /** The folder holding the pose detector and the full landmark model. */
    public static Path pose() {
        return MediaPipeTestModels.folderWith(MediaPipeModel.POSE_DETECTOR, MediaPipeModel.POSE_LANDMARK_FULL);
    }
}
