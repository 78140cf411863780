package io.loupe.appliance;

import java.nio.file.Path;

/** Paths inside this repository, for tests (Surefire passes {@code loupe.root}). */
public final class Repo {
    private Repo() {
    }

    public static Path root() {
        return Path.of(System.getProperty("loupe.root", "..")).toAbsolutePath().normalize();
    }

    /** The bundled demo detector. */
    public static Path demoModel() {
        return root().resolve("models/zoo/dark-defect.onnx");
    }

    /** The bundled demo pest detector (trained on generated trap images). */
    public static Path pestModel() {
        return root().resolve("models/zoo/pest-detector.onnx");
    }

    /** The committed demo trap series (six captures, the card changed before the fifth). */
    public static Path pestSeries() {
        return root().resolve("sample-data/pest");
    }

    /** The committed demo conveyor video. */
    public static Path demoVideo() {
        return root().resolve("sample-data/defect/conveyor.mp4");
    }
}
