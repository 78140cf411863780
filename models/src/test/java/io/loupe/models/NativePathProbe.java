package io.loupe.models;

import java.nio.file.Path;

/**
 * A main run in a child JVM by {@link NativeLibraryPathTest}: loads the model named by its argument twice and prints
 * {@code LOADED <provider>} or {@code MODEL-EXCEPTION <message>} for each try; exits 0 when both loaded, 3 otherwise.
 * ONNX Runtime's natives load once per JVM, so a wrong native path can only be tested in a fresh one.
 */
public final class NativePathProbe {

    private NativePathProbe() {
    }

    public static void main(String[] args) {
        int failures = 0;
        for (int attempt = 0; attempt < 2; attempt++) {
            try (Model model = Model.load(ModelSpec.of("probe", Path.of(args[0])).withDecoder("yolov8"))) {
                System.out.println("LOADED " + model.info().provider());
            } catch (ModelException e) {
                failures++;
                System.out.println("MODEL-EXCEPTION " + e.getMessage());
            }
        }
        System.exit(failures == 0 ? 0 : 3);
    }
}
