package io.loupe.models.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnnxMetadataTest {

    @Test
    void parse_ultralyticsExport_readsEveryKnownKey() {
        // given the metadata of the NEU-DET export (see ../shared/testdata/detection-defect/PROVENANCE.md)
        Map<String, String> custom = Map.of(
                "description", "Ultralytics best model trained on /content/NEU-Surface-Defect-Dataset-1/data.yaml",
                "author", "Ultralytics",
                "task", "detect",
                "imgsz", "[640, 640]",
                "stride", "32",
                "names", "{0: 'crazing', 1: 'inclusion', 2: 'patches', 3: 'pitted_surface', 4: 'rolled-in_scale',"
                        + " 5: 'scratches'}",
                "version", "8.3.241",
                "args", "{'batch': 1, 'half': False, 'dynamic': False, 'simplify': True, 'opset': 12, 'nms': False}");

        // when
        OnnxMetadata metadata = OnnxMetadata.parse(custom);

        // then
        assertEquals(List.of("crazing", "inclusion", "patches", "pitted_surface", "rolled-in_scale", "scratches"),
                metadata.labels());
        assertEquals(640, metadata.inputWidth());
        assertEquals(640, metadata.inputHeight());
        assertEquals("detect", metadata.task());
        assertEquals(32, metadata.stride());
        assertEquals("8.3.241", metadata.version());
        assertEquals("Ultralytics", metadata.author());
        assertTrue(metadata.description().startsWith("Ultralytics best model"));
        assertEquals(List.of(), metadata.problems());
    }

    @Test
    void parse_imgszIsHeightThenWidth() {
        OnnxMetadata metadata = OnnxMetadata.parse(Map.of("imgsz", "[384, 640]"));
        assertEquals(640, metadata.inputWidth());
        assertEquals(384, metadata.inputHeight());
        assertEquals(320, OnnxMetadata.parse(Map.of("imgsz", "320")).inputWidth());
    }

    @Test
    void parse_namesWithGaps_fillsThemWithClassN() {
        assertEquals(List.of("zero", "class1", "two"),
                OnnxMetadata.parse(Map.of("names", "{0: 'zero', 2: 'two'}")).labels());
        assertEquals(List.of("a", "b"), OnnxMetadata.parse(Map.of("names", "['a', 'b']")).labels());
    }

    @Test
    void parse_unreadableValues_areSkippedAndReported() {
        // when
        OnnxMetadata metadata = OnnxMetadata.parse(Map.of("names", "{0: 'a', oops}", "imgsz", "[0, 640]",
                "stride", "big"));

        // then
        assertEquals(List.of(), metadata.labels());
        assertEquals(0, metadata.inputWidth());
        assertEquals(3, metadata.problems().size(), metadata.problems().toString());
        assertTrue(metadata.problems().get(0).startsWith("names cannot be read"), metadata.problems().toString());
    }

    @Test
    void parse_otherExporter_givesEmptyValues() {
        OnnxMetadata metadata = OnnxMetadata.parse(Map.of());
        assertEquals(OnnxMetadata.empty(), metadata);
        assertNull(metadata.task());
    }

    @Test
    void parse_poseExport_readsKptShape() {
        // given what Ultralytics writes for a COCO pose model
        OnnxMetadata m = OnnxMetadata.parse(Map.of("task", "pose", "kpt_shape", "[17, 3]",
                "names", "{0: 'person'}"));

        // then
        assertEquals(17, m.keypoints());
        assertEquals(3, m.keypointDims());
        assertEquals(List.of(), m.problems());
    }

    @Test
    void parse_unreadableKptShape_isReportedAndIgnored() {
        OnnxMetadata m = OnnxMetadata.parse(Map.of("kpt_shape", "[17, 5]"));
        assertEquals(0, m.keypoints());
        assertEquals(List.of("kpt_shape '[17, 5]' is not [keypoints, 2 or 3]"), m.problems());
    }
}
