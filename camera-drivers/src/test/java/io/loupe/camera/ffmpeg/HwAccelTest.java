package io.loupe.camera.ffmpeg;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HwAccelTest {

    @Test
    void parse_readsEveryConfigName_caseInsensitive() {
        for (HwAccel accel : HwAccel.values()) {
            assertEquals(accel, HwAccel.parse(accel.configName().toUpperCase()));
        }
    }

    @Test
    void parse_unknown_listsTheAcceptedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HwAccel.parse("nvdec"));

        assertTrue(e.getMessage().contains("hwaccel 'nvdec' is not known; accepted: auto, none, cuda, vaapi"),
                e.getMessage());
    }

    @Test
    void eachHardwareKind_isADeviceOrADedicatedDecoder() {
        for (HwAccel accel : HwAccel.values()) {
            boolean device = accel.deviceType() != null;
            boolean decoder = accel.decoderSuffix() != null;
            boolean choice = accel == HwAccel.AUTO || accel == HwAccel.NONE;
            assertEquals(1, (device ? 1 : 0) + (decoder ? 1 : 0) + (choice ? 1 : 0), accel.toString());
        }
    }
}
