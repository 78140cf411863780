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

    @Test
    void sevenArgumentConstructor_keepsTheNewSettingsAtTheirDefaults() {
        ModelSpec spec = new ModelSpec("m", FILE, null, Provider.CPU, 0.3f, 0.5f, 2);
        assertEquals(0, spec.interOpThreads());
        assertEquals(GraphOptimization.ALL, spec.optimization());
        assertEquals(TensorRtOptions.defaults(), spec.tensorRt());
        assertEquals(1, spec.maxBatch());
        assertTrue(spec.tensorRt().fp16());
        assertEquals(TensorRtOptions.defaultCacheRoot(), spec.tensorRt().engineCacheRoot());
    }

    @Test
    void withers_changeOneSettingEach() {
        ModelSpec spec = ModelSpec.of("m", FILE).withInterOpThreads(2).withOptimization(GraphOptimization.BASIC)
                .withMaxBatch(8).withTensorRt(TensorRtOptions.defaults().withDeviceId(1));
        assertEquals(2, spec.interOpThreads());
        assertEquals(GraphOptimization.BASIC, spec.optimization());
        assertEquals(8, spec.maxBatch());
        assertEquals(1, spec.tensorRt().deviceId());
        assertEquals(GraphOptimization.EXTENDED, GraphOptimization.parse(" Extended "));
    }

    @Test
    void maxBatchOutOfRange_isRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.of("m", FILE).withMaxBatch(0));
        assertEquals("Model 'm': maxBatch is 0; use 1 (no batching) up to 64", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.of("m", FILE).withInterOpThreads(-1));
    }
}
