package io.loupe.models.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The geometry of each resize mode, against the numbers the reference implementations give. */
class ResizeModeGeometryTest {

    @Test
    void fitTopLeft_busImageInto416_truncatesLikeYoloxPreproc() {
        // given bus.jpg (810x1080) into YOLOX-nano's 416: r = 416 / 1080, int(810 r) = 312
        LetterboxGeometry g = LetterboxGeometry.of(ResizeMode.LETTERBOX_TOP_LEFT, 810, 1080, 416, 416);

        // then
        assertEquals(312, g.resizedWidth());
        assertEquals(416, g.resizedHeight());
        assertEquals(0, g.padLeft());
        assertEquals(0, g.padTop());
        assertEquals(104, g.padRight());
        assertEquals(810f, g.toSourceX(312), 1e-3);
    }

    @Test
    void stretch_mapsEachAxisOnItsOwn() {
        LetterboxGeometry g = LetterboxGeometry.of(ResizeMode.STRETCH, 1920, 1080, 256, 256);
        assertEquals(1920f, g.toSourceX(256), 1e-3);
        assertEquals(1080f, g.toSourceY(256), 1e-3);
        assertEquals(128f, g.toInputX(960), 1e-3);
        assertFalse(g.crops());
    }

    @Test
    void centerCrop_1280x720Into224_cutsTheSidesEvenly() {
        // given torchvision's Resize(224) + CenterCrop(224): 398x224, crop offset round(174 / 2) = 87
        LetterboxGeometry g = LetterboxGeometry.of(ResizeMode.CENTER_CROP, 1280, 720, 224, 224);

        // then
        assertEquals(398, g.resizedWidth());
        assertEquals(224, g.resizedHeight());
        assertEquals(-87, g.padLeft());
        assertEquals(0, g.padTop());
        assertTrue(g.crops());
        assertEquals(640f, g.toSourceX(112), 2f);
    }

    @Test
    void letterbox_isTheUltralyticsFit() {
        assertEquals(LetterboxGeometry.fit(810, 1080, 640, 640),
                LetterboxGeometry.of(ResizeMode.LETTERBOX, 810, 1080, 640, 640));
    }

    @Test
    void parse_configNames_roundTripAndUnknownOnesListTheChoices() {
        for (ResizeMode mode : ResizeMode.values()) {
            assertEquals(mode, ResizeMode.parse(" " + mode.configName().toUpperCase() + " "));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResizeMode.parse("pad"));
        assertEquals("Unknown resize mode 'pad'; accepted values: letterbox, letterbox-top-left, stretch, crop",
                e.getMessage());
        assertEquals(ColorOrder.BGR, ColorOrder.parse("BGR"));
        assertEquals(TensorLayout.NHWC, TensorLayout.parse("nhwc"));
        assertThrows(IllegalArgumentException.class, () -> TensorLayout.parse("chw"));
    }
}
