package io.loupe.models;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.preprocess.Preprocessing;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Megvii YOLOX-nano COCO export (416x416, no metadata: labels from coco.names in a manifest beside a link to
 * the file) on the Ultralytics images. Its input is BGR 0..255 with top-left padding and its head needs grid decoding;
 * getting either wrong moves or loses the boxes. Reference values: the PROVENANCE smoke test (bus 0.90, persons 0.86,
 * 0.81, 0.70; zidane two persons and a tie) and the boxes of the YOLOv8n test.
 */
class YoloxCocoDetectionTest {

    @TempDir
    static Path dir;

    private static Model model;

    @BeforeAll
    static void load() throws Exception {
        String labels = TestData.lines("detection-coco/coco.names").stream()
                .map(name -> "  - '" + name + "'")
                .collect(Collectors.joining("\n"));
        Path file = TestData.linkWithManifest(dir, "detection-coco/yolox_nano_coco_416.onnx",
                "decoder: yolox\nconfidence: 0.3\nlabels:\n" + labels + "\n");
        model = Model.load(ModelSpec.of("yolox", file).withProvider(Provider.CPU));
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void load_yoloxWithManifest_isATopLeftBgrModelOf416() {
        assertEquals(416, model.info().inputWidth());
        assertEquals(80, model.info().labels().size());
        assertEquals(Preprocessing.YOLOX, model.preprocessing());
        assertEquals("695e750a5d5754bb5a8d5325643b59282191a7e7a564e435a415fd3c578eab14", model.info().sha256());
    }

    @Test
    void decode_yoloxNanoOnBus_findsTheBusAndThreePersons() throws ModelException {
        try (Detector detector = model.newDetector();
                Mat bus = imread(TestData.require("detection-coco/bus.jpg").toString())) {
            // when
            List<Detection> detections = detector.detect(bus);

            // then
            Detection theBus = detections.stream().filter(d -> d.label().equals("bus")).findFirst()
                    .orElseThrow(() -> new AssertionError("no bus in " + detections));
            assertTrue(theBus.score() > 0.85f, theBus.toString());
            assertTrue(theBus.width() > 0.9f * bus.cols(), theBus.toString());
            double[][] persons = {{50, 399, 243, 903}, {221, 408, 344, 857}, {672, 374, 810, 879}};
            for (double[] p : persons) {
                assertTrue(detections.stream().anyMatch(d -> d.label().equals("person") && d.score() > 0.6f
                        && Boxes.iou(d, p[0], p[1], p[2], p[3]) > 0.75), "no person near "
                        + java.util.Arrays.toString(p) + " in " + detections);
            }
        }
    }

    @Test
    void decode_yoloxNanoOnZidane_findsTwoPersonsAndATie() throws ModelException {
        try (Detector detector = model.newDetector();
                Mat zidane = imread(TestData.require("detection-coco/zidane.jpg").toString())) {
            // when
            List<Detection> detections = detector.detect(zidane);

            // then
            List<Detection> persons = detections.stream().filter(d -> d.label().equals("person")).toList();
            assertEquals(2, persons.size(), detections.toString());
            assertTrue(persons.stream().anyMatch(d -> Boxes.iou(d, 749, 44, 1136, 709) > 0.75), persons.toString());
            assertTrue(detections.stream().anyMatch(d -> d.label().equals("tie")), detections.toString());
        }
    }
}
