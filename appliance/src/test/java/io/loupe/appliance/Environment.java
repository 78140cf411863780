package io.loupe.appliance;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a test needs from outside the repository (Chromium, ../shared/testdata): skipped with the reason under a plain
 * build, a failure under {@code -Pci} where {@code .ci/run} installs or provides it.
 */
public final class Environment {
    private Environment() {
    }

    private static boolean ci() {
        return Boolean.getBoolean("loupe.ci");
    }

    /** A file from ../shared/testdata, or the test is skipped (plain build) / failed (CI). */
    public static Path testdata(String relative) {
        Path p = Repo.root().resolve("../shared/testdata").resolve(relative).normalize();
        require(Files.isRegularFile(p), "third-party test data " + p + " is absent (it lives beside the repository in"
                + " ../shared/testdata)");
        return p;
    }

    /** An executable such as /usr/bin/chromium. */
    public static Path executable(String path, String debianPackage) {
        Path p = Path.of(path);
        require(Files.isExecutable(p), path + " is not installed (Debian package " + debianPackage + "; .ci/run installs it)");
        return p;
    }

    private static void require(boolean present, String reason) {
        if (!present) {
            if (ci()) {
                Assertions.fail(reason + " — required under -Pci");
            }
            Assumptions.abort(reason + " — skipped; required under -Pci");
        }
    }
}
