package io.loupe.appliance.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The token that authorises state changes over HTTP: from the configuration, or kept in a file that is created at first
 * start with a random token (owner read/write only) and logged that once.
 */
public final class ApiToken {
    private static final Logger LOG = LoggerFactory.getLogger(ApiToken.class);

    private final byte[] token;

    private ApiToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @param configured the configured token, or null/blank
     * @param file       where a generated token lives
     * @throws IOException when the token file cannot be read or created; the message names the file
     */
    public static ApiToken resolve(String configured, Path file) throws IOException {
        if (configured != null && !configured.isBlank()) {
            return new ApiToken(configured.trim());
        }
        if (Files.isRegularFile(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (stored.isEmpty()) {
                throw new IOException("API token file " + file + " is empty: delete it to generate a new token, or set web.token");
            }
            return new ApiToken(stored);
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
        LOG.info("web: generated the API token for state changes, kept in {} (shown only this once): {}", file, generated);
        return new ApiToken(generated);
    }

    /** Constant-time comparison with a presented token (null: absent). */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(token, presented.trim().getBytes(StandardCharsets.UTF_8));
    }
}
