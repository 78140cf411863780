package io.loupe.models.mediapipe;

import static org.junit.jupiter.api.Assertions.fail;

import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ModelSpec;
import io.loupe.models.Provider;
import io.loupe.models.TestData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * The MediaPipe models for tests, fetched once per build by {@link MediaPipeFetcher} from the npm registry into
 * {@code models/target/mediapipe} (or the folder in system property {@code loupe.mediapipe.cache} or environment
 * variable {@code LOUPE_MEDIAPIPE_CACHE}, to keep them across {@code mvn clean}); later runs find them there. When
 * the registry cannot be reached the test is skipped with the reason, except under {@code -Pci} ({@code loupe.ci=true}),
 * where it fails. A sha256 mismatch always fails. Shared with the pipelines' and the appliance's tests through this
 * module's test jar.
 */
public final class MediaPipeTestModels {

    /** Every model but the 27 MB heavy landmark model, which no test uses. */
    private static final EnumSet<MediaPipeModel> NEEDED = EnumSet.complementOf(
            EnumSet.of(MediaPipeModel.POSE_LANDMARK_HEAVY));

    /** The models checked in {@link #folder()} so far (sha256 and all), so that each is read once per test run. */
    private static final EnumSet<MediaPipeModel> PRESENT = EnumSet.noneOf(MediaPipeModel.class);
    /** Why fetching failed, kept so that an unreachable registry is waited for once, not by every test. */
    private static ModelException failure;

    private MediaPipeTestModels() {
    }

    /** The folder the models go to. */
    public static Path folder() {
        String cache = System.getProperty("loupe.mediapipe.cache", System.getenv("LOUPE_MEDIAPIPE_CACHE"));
        if (cache != null && !cache.isBlank()) {
            return Path.of(cache);
        }
        return TestData.repo("models/target/mediapipe");
    }

    /** The model's file, fetched if needed; a skip (a failure in CI) when npm is unreachable. */
    public static Path require(MediaPipeModel model) {
        return holding(NEEDED).resolve(model.fileName());
    }

    /**
     * The folder, holding {@code first} and {@code more} (fetched if needed; a skip, or a failure in CI, as for
     * {@link #require}): for tests that point a configuration at the folder.
     */
    public static Path folderWith(MediaPipeModel first, MediaPipeModel... more) {
        return holding(EnumSet.of(first, more));
    }

    private static synchronized Path holding(Set<MediaPipeModel> models) {
        EnumSet<MediaPipeModel> missing = EnumSet.copyOf(models);
        missing.removeAll(PRESENT);
        if (!missing.isEmpty() && failure == null) {
            try {
                new MediaPipeFetcher(MediaPipeFetcher.NPM_REGISTRY, Duration.ofMinutes(3), null).fetch(folder(),
                        missing);
                PRESENT.addAll(missing);
            } catch (ModelException e) {
                failure = e;
            }
        }
        return PRESENT.containsAll(models) ? folder() : unavailable(failure);
    }

    /** A skip when npm is unreachable (a failure under -Pci), else a failure: never returns. */
    private static <T> T unavailable(ModelException e) {
        if (e instanceof RegistryUnreachableException) {
            String reason = "MediaPipe models are not in " + folder() + " and npm is unreachable: " + e.getMessage();
            return Boolean.getBoolean("loupe.ci") ? fail(reason + "; CI (-Pci) requires them", e)
                    : Assumptions.abort(reason + "; skipping");
        }
        return fail("Fetching the MediaPipe models failed: " + e.getMessage(), e);
    }

    /** The model loaded on the CPU with one thread, under {@code id}; fetched first if needed (see {@link #require}). */
    public static Model load(String id, MediaPipeModel model) throws ModelException {
        return Model.load(ModelSpec.of(id, require(model)).withProvider(Provider.CPU).withIntraOpThreads(1));
    }
}
