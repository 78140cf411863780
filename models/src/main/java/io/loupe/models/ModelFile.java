package io.loupe.models;

import io.loupe.models.mediapipe.MediaPipeModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Checks on the model file itself before ONNX Runtime sees it: present, readable, not empty; and its sha256. */
final class ModelFile {

    private ModelFile() {
    }

    /** @throws ModelException when the file is missing, a directory, unreadable or empty; the message says what to do */
    static void checkReadable(Path file) throws ModelException {
        Path absolute = file.toAbsolutePath();
        if (!Files.exists(absolute)) {
            boolean mediaPipe = Arrays.stream(MediaPipeModel.values())
                    .anyMatch(m -> m.fileName().equals(absolute.getFileName().toString()));
            throw new ModelException("Model file not found: " + absolute + ". Fix: " + (mediaPipe
                    ? "it is one of MediaPipe's models, fetched from npm and never committed: run `loupe models fetch"
                    + " --dir " + absolute.getParent() + "`, or give the model `fetch: mediapipe` in the configuration"
                    : "correct the model's path in the configuration (a relative path is resolved against "
                    + Path.of("").toAbsolutePath() + ") or put the .onnx (or .tflite) file there"));
        }
        if (Files.isDirectory(absolute)) {
            throw new ModelException("Model path " + absolute + " is a directory. Fix: point the model's path at the"
                    + " .onnx or .tflite file inside it");
        }
        if (!Files.isReadable(absolute)) {
            throw new ModelException("Model file " + absolute + " is not readable by this process. Fix: make it"
                    + " readable by the appliance user (chmod a+r)");
        }
        try {
            if (Files.size(absolute) == 0) {
                throw new ModelException("Model file " + absolute + " is empty (0 bytes). Fix: copy or export the"
                        + " model again; an interrupted download leaves such files");
            }
        } catch (IOException e) {
            throw new ModelException("Cannot read the size of model file " + absolute + ": " + e, e);
        }
    }

    /** Lower-case hex sha256 of the file's bytes. @throws ModelException when it cannot be read */
    static String sha256(Path file) throws ModelException {
        try {
            return Sha256.of(file);
        } catch (IOException e) {
            throw new ModelException("Cannot read model file " + file.toAbsolutePath() + ": " + e
                    + ". Fix: check the file and the disk", e);
        }
    }

}
