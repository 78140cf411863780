package io.loupe.models.mediapipe;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link MediaPipeFetcher#fetch} did.
 *
 * @param folder where the models are
 * @param models the model files, in {@link MediaPipeModel} order
 * @param downloaded the tarballs that were downloaded (empty when every model was already there and intact)
 */
public record FetchReport(Path folder, List<Path> models, List<String> downloaded) {

    public FetchReport {
        models = List.copyOf(models);
        downloaded = List.copyOf(downloaded);
    }

    /** The file of {@code model} in the folder. */
    public Path path(MediaPipeModel model) {
        return folder.resolve(model.fileName());
    }
}
