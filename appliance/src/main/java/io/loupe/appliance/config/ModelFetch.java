package io.loupe.appliance.config;

import io.loupe.models.ModelException;
import io.loupe.models.mediapipe.MediaPipeFetcher;
import io.loupe.models.mediapipe.MediaPipeModel;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Models a configuration lets the appliance fetch when their file is missing ({@code fetch: mediapipe}): MediaPipe's
 * models from the npm registry at the pinned versions, checked against their sha256, into the folder of {@code path}.
 */
public final class ModelFetch {
    /** The only source so far. */
    public static final String MEDIAPIPE = "mediapipe";

    private ModelFetch() {
    }

    /** Null when {@code model}'s fetch setting is usable, else the problem with the fix. */
    static String check(ModelConfig model) {
        if (!MEDIAPIPE.equals(model.fetch().trim())) {
            return "unknown fetch source '" + model.fetch() + "': use mediapipe, or leave fetch out for a file you"
                    + " provide";
        }
        if (mediaPipeModel(model).isEmpty()) {
            return "fetch: mediapipe needs path to end in one of MediaPipe's files "
                    + Arrays.stream(MediaPipeModel.values()).map(MediaPipeModel::fileName).toList() + ", not "
                    + model.path().getFileName();
        }
        return null;
    }

    /**
     * Fetches {@code model}'s file when it is missing and its configuration says it may be fetched.
     *
     * @return true when the file was fetched now
     * @throws ModelException naming the model, the registry's answer and the fix, when it cannot be fetched
     */
    public static boolean ensure(String id, ModelConfig model) throws ModelException {
        if (model.fetch() == null || model.fetch().isBlank() || Files.isRegularFile(model.path())) {
            return false;
        }
        MediaPipeModel which = mediaPipeModel(model).orElseThrow(() -> new ModelException(check(model)));
        try {
            MediaPipeFetcher.npm().fetch(model.path().toAbsolutePath().getParent(), Set.of(which));
        } catch (ModelException e) {
            throw new ModelException("model " + id + ": " + model.path() + " is missing and could not be fetched from"
                    + " npm (" + e.getMessage() + "): run `loupe models fetch` where the registry is reachable and copy"
                    + " " + MediaPipeFetcher.DEFAULT_FOLDER + " here, or point path at the file", e);
        }
        return true;
    }

    private static Optional<MediaPipeModel> mediaPipeModel(ModelConfig model) {
        String name = model.path().getFileName().toString();
        return Arrays.stream(MediaPipeModel.values()).filter(m -> m.fileName().equals(name)).findFirst();
    }
}
