package io.loupe.models;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds third-party files in {@code ../shared/testdata} (beside the repository). When one is absent the test is
 * skipped with the reason, except under {@code -Pci} ({@code loupe.ci=true}), where it fails.
 */
public final class TestData {

    private TestData() {
    }

    /** The file at {@code relative} under {@code ../shared/testdata}, or a skip (a failure in CI) when it is absent. */
    public static Path require(String relative) {
        String root = System.getProperty("loupe.root");
        Path repository = root == null || root.isBlank() ? Path.of("..") : Path.of(root);
        Path file = repository.resolve("../shared/testdata").resolve(relative).normalize();
        if (!Files.isRegularFile(file)) {
            String reason = "Test data " + file + " is absent (it lives in ../shared/testdata beside the repository,"
                    + " see its PROVENANCE.md)";
            if (Boolean.getBoolean("loupe.ci")) {
                fail(reason + "; CI (-Pci) requires it");
            }
            Assumptions.abort(reason + "; skipping");
        }
        return file;
    }
}
