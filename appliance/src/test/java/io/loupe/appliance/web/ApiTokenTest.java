package io.loupe.appliance.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokenTest {

    @Test
    void resolve_withoutConfiguredToken_generatesOneIntoAnOwnerOnlyFileAndReusesIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/web-token");

        ApiToken first = ApiToken.resolve(null, file);
        String stored = Files.readString(file).trim();
        ApiToken second = ApiToken.resolve("", file);

        assertThat(stored).hasSizeGreaterThanOrEqualTo(30);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.matches(stored)).isTrue();
        assertThat(second.matches(stored)).isTrue();
        assertThat(first.matches(stored + "x")).isFalse();
        assertThat(first.matches(null)).isFalse();
    }

    @Test
    void resolve_configuredToken_winsOverTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("web-token");
        Files.writeString(file, "from-file\n");

        ApiToken token = ApiToken.resolve("from-config", file);

        assertThat(token.matches("from-config")).isTrue();
        assertThat(token.matches("from-file")).isFalse();
    }
}
