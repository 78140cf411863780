package io.loupe.mqtt;

import io.loupe.mqtt.bench.LocalMosquitto;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What a fresh machine may lack. Under plain {@code mvn verify} a test needing it is skipped with the reason; under
 * {@code -Pci} (system property {@code loupe.ci=true}) it fails instead, because CI installs everything.
 */
final class Requirements {

    private Requirements() {
    }

    static boolean ci() {
        return Boolean.parseBoolean(System.getProperty("loupe.ci", "false"));
    }

    /** Skips (or, in CI, fails) unless Debian's Mosquitto is installed. */
    static void mosquitto() {
        require(LocalMosquitto.installed(), LocalMosquitto.BINARY + " (Debian package mosquitto) is not installed");
    }

    static void require(boolean present, String missing) {
        require(present, missing, ci());
    }

    static void require(boolean present, String missing, boolean ci) {
        if (present) {
            return;
        }
        if (ci) {
            Assertions.fail(missing + ": required under -Pci (loupe.ci=true); .ci/run installs it");
        }
        Assumptions.abort("skipped: " + missing + " (install it, or run with -Pci to make this a failure)");
    }
}
