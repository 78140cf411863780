package io.loupe.samples;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the repository's committed files, and the skip-or-fail rule for what a checkout may lack:
 * absent files skip the test with the reason, except under {@code -Pci} ({@code loupe.ci=true}), where they fail it.
 */
public final class TestPaths {

    private TestPaths() {
    }

    /** @return the repository root ({@code loupe.root}, set by the root pom for Surefire) */
    public static Path root() {
        String root = System.getProperty("loupe.root");
        return root == null || root.isBlank() ? Path.of("../..").toAbsolutePath().normalize() : Path.of(root);
    }

    /** @return the committed demo scene folder {@code sample-data/defect} */
    public static Path demoScene() {
        return root().resolve("sample-data/defect");
    }

    /** @return the committed demo set folder {@code sample-data/<domain>} */
    public static Path demoSet(String domain) {
        return root().resolve("sample-data").resolve(domain);
    }

    /** @return the committed demo model {@code models/zoo/dark-defect.onnx} */
    public static Path demoModel() {
        return root().resolve("models/zoo/dark-defect.onnx");
    }

    /** Skips the calling test when {@code file} is absent (fails it under -Pci), saying why it is needed. */
    public static Path require(Path file, String why) {
        if (!Files.isRegularFile(file)) {
            String message = file + " is missing (" + why + "); regenerate it as its README says";
            if (Boolean.getBoolean("loupe.ci")) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return file;
    }
}
