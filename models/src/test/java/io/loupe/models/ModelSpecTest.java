package io.loupe.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModelSpecTest {

    private static final Path FILE = Path.of("models/m.onnx");

    @Test
    void of_leavesEverythingToManifestAndDefaults() {
        ModelSpec spec = ModelSpec.of("m", FILE);
        assertNull(spec.decoder());
        assertEquals(Provider.AUTO, spec.provider());
        assertTrue(Float.isNaN(spec.confidence()));
        assertTrue(Float.isNaN(spec.iou()));
        assertEquals(0, spec.intraOpThreads());
    }

    @Test
    void constructor_normalisesDecoderAndProvider() {
        ModelSpec spec = new ModelSpec("m", FILE, " YOLO11 ", null, 0.25f, 0.45f, 2);
        assertEquals("yolo11", spec.decoder());
        assertEquals(Provider.AUTO, spec.provider());
        assertNull(ModelSpec.of("m", FILE).withDecoder("  ").decoder());
    }

    @Test
    void constructor_outOfRangeValues_areRefusedNamingThem() {
        IllegalArgumentException confidence = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.of("m", FILE).withConfidence(1.5f));
        assertEquals("Model 'm': confidence is 1.5; use a value in (0, 1], e.g. 0.25", confidence.getMessage());
        IllegalArgumentException threads = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.of("m", FILE).withIntraOpThreads(-1));
        assertTrue(threads.getMessage().startsWith("Model 'm': intraOpThreads is -1"), threads.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.of(" ", FILE));
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.of("m", FILE).withIou(0f));
    }
}
