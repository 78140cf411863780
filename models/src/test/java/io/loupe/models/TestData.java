package io.loupe.models;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    /** The repository's root: {@code -Dloupe.root}, else the parent of the module's folder. */
    private static Path repository() {
        String root = System.getProperty("loupe.root");
        return (root == null || root.isBlank() ? Path.of("..") : Path.of(root)).toAbsolutePath().normalize();
    }

    /** The file or folder at {@code relative} in the repository (e.g. {@code models/zoo/part-anomaly.onnx}). */
    public static Path repo(String relative) {
        return repository().resolve(relative);
    }

    /** The file at {@code relative} under {@code ../shared/testdata}, or a skip (a failure in CI) when it is absent. */
    public static Path require(String relative) {
        Path file = repository().resolve("../shared/testdata").resolve(relative).normalize();
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

    /**
     * A symbolic link in {@code dir} to the model at {@code relative}, with the manifest text {@code manifest} written
     * beside the link, for third-party models without metadata: the test data stays untouched and uncopied.
     */
    public static Path linkWithManifest(Path dir, String relative, String manifest) throws IOException {
        Path model = require(relative);
        Path link = Files.createSymbolicLink(dir.resolve(model.getFileName()), model.toAbsolutePath());
        String name = model.getFileName().toString().replaceFirst("\\.onnx$", "");
        Files.writeString(dir.resolve(name + ".model.yml"), manifest, StandardCharsets.UTF_8);
        return link;
    }

    /** The lines of a text file under {@code ../shared/testdata}, blank ones dropped. */
    public static java.util.List<String> lines(String relative) throws IOException {
        return Files.readAllLines(require(relative), StandardCharsets.UTF_8).stream()
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
