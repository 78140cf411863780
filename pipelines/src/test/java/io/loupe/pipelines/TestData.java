package io.loupe.pipelines;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Where test files are. Repository files (the demo video, the zoo model) are always there. Files under
 * {@code ../shared/testdata} are not on a fresh machine: a test that needs one is skipped with the reason, unless the
 * system property {@code loupe.ci} is {@code true} ({@code -Pci}), where it fails instead.
 */
public final class TestData {
    private TestData() {
    }

    /** The repository root (system property {@code loupe.root}, set by the root pom; else the module's parent). */
    public static Path root() {
        String root = System.getProperty("loupe.root");
        return (root == null || root.isBlank() ? Path.of("..") : Path.of(root)).toAbsolutePath().normalize();
    }

    /** A file committed to the repository; fails when it is missing (the checkout is broken). */
    public static Path repo(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            fail("repository file " + p + " is missing; the checkout is incomplete");
        }
        return p;
    }

    /**
     * A file under {@code ../shared/testdata}: skips the test when it is missing, or fails under {@code -Pci}.
     */
    public static Path shared(String relative) {
        Path p = root().resolve("../shared/testdata").resolve(relative).normalize();
        if (!Files.exists(p)) {
            String reason = "test data " + p + " is missing (../shared/testdata is not on this machine)";
            if (Boolean.parseBoolean(System.getProperty("loupe.ci", "false"))) {
                fail(reason + "; -Pci requires it");
            }
            Assumptions.abort(reason);
        }
        return p;
    }
}
