package io.loupe.camera;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Finds files in {@code ../shared/testdata} next to the repository. When one is absent the test is skipped with the
 * reason, or fails when the system property {@code loupe.ci} is {@code true} (the {@code -Pci} profile).
 */
public final class TestData {

    private TestData() {
    }

    /**
     * Skips the test when a real peer it needs (a program, a package) is absent, saying which and how to install it;
     * fails instead when {@code loupe.ci} is {@code true}, where {@code .ci/run} installs every peer.
     */
    public static void requirePeer(boolean present, String what) {
        if (present) {
            return;
        }
        if (Boolean.parseBoolean(System.getProperty("loupe.ci"))) {
            fail(what + " is absent; it is required when loupe.ci=true (-Pci), and .ci/run installs it");
        }
        Assumptions.abort(what + " is absent");
    }

    /** The path of {@code relative} under the shared test data; skips or fails the test when it is absent. */
    public static Path require(String relative) {
        Path root = Path.of(System.getProperty("loupe.root", "."));
        Path path = root.resolve("../shared/testdata").resolve(relative).normalize().toAbsolutePath();
        if (Files.isReadable(path)) {
            return path;
        }
        String reason = "test data " + path + " is absent (../shared/testdata next to the repository)";
        if (Boolean.parseBoolean(System.getProperty("loupe.ci"))) {
            fail(reason + "; it is required when loupe.ci=true (-Pci)");
        }
        Assumptions.abort(reason);
        return path;
    }
}
