package io.loupe.models.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LetterboxGeometryTest {

    @ParameterizedTest(name = "{0}x{1} into {2}x{3}")
    @CsvSource({
        // source w, h, input w, h, resized w, h, pad left, top, right, bottom (Ultralytics LetterBox numbers)
        "810, 1080, 640, 640, 480, 640, 80, 0, 80, 0", // bus.jpg: tall
        "1280, 720, 640, 640, 640, 360, 0, 140, 0, 140", // zidane.jpg: wide
        "300, 200, 640, 640, 640, 427, 0, 106, 0, 107", // odd spare space: one more row below
        "200, 200, 640, 640, 640, 640, 0, 0, 0, 0", // square, scaled up
        "1920, 1080, 320, 256, 320, 180, 0, 38, 0, 38" // a non-square, non-640 input
    })
    void fit_matchesUltralyticsLetterbox(int w, int h, int inW, int inH, int rw, int rh, int left, int top, int right,
            int bottom) {
        // when
        LetterboxGeometry g = LetterboxGeometry.fit(w, h, inW, inH);

        // then
        assertEquals(rw, g.resizedWidth());
        assertEquals(rh, g.resizedHeight());
        assertEquals(left, g.padLeft());
        assertEquals(top, g.padTop());
        assertEquals(right, g.padRight());
        assertEquals(bottom, g.padBottom());
    }

    @ParameterizedTest(name = "{0}x{1} into {2}x{3}")
    @CsvSource({"1280, 720, 640, 640", "720, 1280, 640, 640", "1920, 1080, 320, 256", "333, 777, 416, 416"})
    void toInputAndBack_boxLandsWhereItStarted(int w, int h, int inW, int inH) {
        // given a box inside the image
        LetterboxGeometry g = LetterboxGeometry.fit(w, h, inW, inH);
        float x1 = w * 0.1f;
        float y1 = h * 0.25f;
        float x2 = w * 0.8f;
        float y2 = h * 0.9f;

        // when
        float inX1 = g.toInputX(x1);
        float inY1 = g.toInputY(y1);
        float inX2 = g.toInputX(x2);
        float inY2 = g.toInputY(y2);

        // then it lies within the scaled image on the canvas, and maps back onto itself
        assertInside(inX1, g.padLeft(), g.padLeft() + g.resizedWidth());
        assertInside(inX2, g.padLeft(), g.padLeft() + g.resizedWidth());
        assertInside(inY1, g.padTop(), g.padTop() + g.resizedHeight());
        assertInside(inY2, g.padTop(), g.padTop() + g.resizedHeight());
        assertEquals(x1, g.toSourceX(inX1), 1e-3);
        assertEquals(y1, g.toSourceY(inY1), 1e-3);
        assertEquals(x2, g.toSourceX(inX2), 1e-3);
        assertEquals(y2, g.toSourceY(inY2), 1e-3);
    }

    @Test
    void fit_nonPositiveSize_isRefusedWithTheSizes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> LetterboxGeometry.fit(0, 10, 640, 640));
        assertEquals("Letterbox sizes must be positive: source 0x10, input 640x640", e.getMessage());
    }

    private static void assertInside(float value, float low, float high) {
        if (value < low || value > high) {
            throw new AssertionError(value + " is outside [" + low + ", " + high + "]");
        }
    }
}
