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

    /**
     * A configuration of one defect line: camera {@code line1} replaying the demo clip in real time, the demo model
     * {@code det}, pipeline {@code line1-defects} with {@code settings} (YAML flow text, or empty), no broker (the link
     * retries quietly: the embedded one takes seconds to start and stop) and the web server on 127.0.0.1 with
     * {@code web} added (e.g. {@code port: 0, token: T}).
     */
    public static String demoLineConfig(Path dataDir, String settings, String web) {
        return """
                appliance: {id: test-box, site: test-site, dataDir: %s}
                cameras:
                  line1: {url: "file:%s", loop: true, realtime: true}
                models:
                  det: {path: "%s"}
                pipelines:
                  line1-defects: {type: defect, camera: line1, model: det%s}
                mqtt: {url: "tcp://127.0.0.1:9"}
                web: {host: 127.0.0.1, %s}
                """.formatted(dataDir, demoVideo(), demoModel(), settings.isEmpty() ? "" : ", settings: " + settings,
                web);
    }
}
