package io.loupe.models.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.yolo.Yolov8Decoder;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecoderRegistryTest {

    @Test
    void defaults_haveEveryCommonExportWithAliases() {
        // given
        DecoderRegistry registry = DecoderRegistry.defaults();

        // then
        assertEquals(List.of("yolov8", "yolo11", "yolov5", "yolov7", "yolox", "yolo-pose", "yolov8-pose",
                "yolo11-pose", "classify", "anomalib", "mediapipe-ssd", "blazeface", "blazepose-detector", "blazepose"),
                List.copyOf(registry.keys()));
        assertSame(registry.find("mediapipe-ssd").orElseThrow(), registry.find("BlazeFace").orElseThrow());
        assertSame(registry.find("mediapipe-ssd").orElseThrow(), registry.find("blazepose-detector").orElseThrow());
        assertEquals("pose", registry.find("blazepose").orElseThrow().task());
        assertSame(registry.find("yolov8").orElseThrow(), registry.find("YOLO11").orElseThrow());
        assertSame(registry.find("yolov5").orElseThrow(), registry.find("yolov7").orElseThrow());
        assertSame(registry.find("yolo-pose").orElseThrow(), registry.find("yolo11-pose").orElseThrow());
        assertEquals("pose", registry.find("yolo-pose").orElseThrow().task());
        assertEquals("anomaly", registry.find("anomalib").orElseThrow().task());
        assertTrue(registry.find("yolov8-seg").isEmpty());
        assertTrue(registry.find(null).isEmpty());
    }

    @Test
    void toBuilder_addsADecoderInOnePlace() {
        // given a made-up family
        DecoderFactory custom = new DecoderFactory() {
            @Override
            public String task() {
                return "detect";
            }

            @Override
            public Decoder create(DecoderContext context) {
                return (outputs, minScore, out) -> { };
            }
        };

        // when
        DecoderRegistry registry = DecoderRegistry.defaults().toBuilder().register("Custom", custom).build();

        // then
        assertSame(custom, registry.find("custom").orElseThrow());
        assertEquals("custom", List.copyOf(registry.keys()).get(registry.keys().size() - 1));
        assertEquals(14, DecoderRegistry.defaults().keys().size());
    }

    @Test
    void register_takenKeyOrUnknownAliasTarget_isRefused() {
        DecoderRegistry.Builder builder = DecoderRegistry.builder().register("yolov8", Yolov8Decoder.factory());
        IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
                () -> builder.register("YOLOv8", Yolov8Decoder.factory()));
        assertEquals("Decoder key 'yolov8' is already registered; pick another key", taken.getMessage());
        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> builder.alias("v5", "yolov5"));
        assertEquals("Cannot alias 'v5' to unknown decoder 'yolov5'; known: yolov8", unknown.getMessage());
    }
}
