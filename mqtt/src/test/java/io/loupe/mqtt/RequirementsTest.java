package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class RequirementsTest {

    @Test
    void require_missingOutsideCi_skipsWithTheReason() {
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> Requirements.require(false, "/usr/sbin/mosquitto is not installed", false));
        assertTrue(e.getMessage().contains("skipped: /usr/sbin/mosquitto is not installed"), e.getMessage());
    }

    @Test
    void require_missingUnderCi_fails() {
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> Requirements.require(false, "/usr/sbin/mosquitto is not installed", true));
        assertTrue(e.getMessage().contains("required under -Pci"), e.getMessage());
    }

    @Test
    void require_present_passes() {
        Requirements.require(true, "anything", true);
    }
}
