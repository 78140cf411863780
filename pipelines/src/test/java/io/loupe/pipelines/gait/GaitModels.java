package io.loupe.pipelines.gait;

import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ModelSpec;
import io.loupe.models.Provider;
import io.loupe.models.mediapipe.FetchReport;
import io.loupe.models.mediapipe.MediaPipeFetcher;
import io.loupe.models.mediapipe.MediaPipeModel;
import io.loupe.models.mediapipe.RegistryUnreachableException;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The MediaPipe pose models for the gait tests, fetched by {@link MediaPipeFetcher} from npm into the folder in system
 * property {@code loupe.mediapipe.cache} or environment variable {@code LOUPE_MEDIAPIPE_CACHE}, else
 * {@code <loupe.root>/models/target/mediapipe}; a later run finds them there. When npm cannot be reached the test is
 * skipped with the reason, except under {@code -Pci} ({@code loupe.ci=true}), where it fails. A sha256 mismatch always
 * fails.
 */
final class GaitModels {
    private static final EnumSet<MediaPipeModel> NEEDED = EnumSet.of(MediaPipeModel.POSE_DETECTOR,
            MediaPipeModel.POSE_LANDMARK_LITE);

    private static FetchReport report;
    private static ModelException failure;

    private GaitModels() {
    }

    static Path folder() {
        String cache = System.getProperty("loupe.mediapipe.cache", System.getenv("LOUPE_MEDIAPIPE_CACHE"));
        if (cache != null && !cache.isBlank()) {
            return Path.of(cache);
        }
        String root = System.getProperty("loupe.root");
        return (root == null || root.isBlank() ? Path.of("..") : Path.of(root)).resolve("models/target/mediapipe");
    }

    /** The model's file, fetched if needed; a skip (a failure in CI) when npm is unreachable. */
    static synchronized Path require(MediaPipeModel model) {
        if (report == null && failure == null) {
            try {
                report = new MediaPipeFetcher(MediaPipeFetcher.NPM_REGISTRY, Duration.ofMinutes(3), null)
                        .fetch(folder(), NEEDED);
            } catch (ModelException e) {
                failure = e;
            }
        }
        if (failure instanceof RegistryUnreachableException) {
            String reason = "MediaPipe models are not in " + folder() + " and npm is unreachable: "
                    + failure.getMessage();
            if (Boolean.getBoolean("loupe.ci")) {
                fail(reason + "; CI (-Pci) requires them", failure);
            }
            Assumptions.abort(reason + "; skipping");
        }
        if (failure != null) {
            fail("Fetching the MediaPipe models failed: " + failure.getMessage(), failure);
        }
        return report.path(model);
    }

    /** The model loaded on the CPU with one thread, under {@code id}. */
    static Model load(String id, MediaPipeModel model) throws ModelException {
        return Model.load(ModelSpec.of(id, require(model)).withProvider(Provider.CPU).withIntraOpThreads(1));
    }
}
