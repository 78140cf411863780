package io.loupe.models;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Ultralytics YOLOv8n COCO export (dynamic INT8) on the two canonical Ultralytics images. Reference boxes were
 * read once from this code's output and checked against the pictures and against Ultralytics' published results for
 * yolov8n (bus 0.87 at about (17, 230)-(801, 768); persons at about (48, 398)-(245, 902), (670, 380)-(809, 876),
 * (221, 405)-(344, 857); a cut-off person at the left edge; zidane: two persons and a tie).
 */
class YoloCocoDetectionTest {

    private static final String MODEL = "detection-coco/yolov8n_coco_int8dyn_640.onnx";

    private static Model model;

    @BeforeAll
    static void load() throws ModelException {
        model = Model.load(ModelSpec.of("coco", TestData.require(MODEL)).withProvider(Provider.CPU));
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void load_yolov8Export_takesLabelsAndSizeFromOnnxMetadata() {
        // given the model loaded without manifest or decoder
        ModelInfo info = model.info();

        // then
        assertEquals(80, info.labels().size());
        assertEquals("person", info.labels().get(0));
        assertEquals("bus", info.labels().get(5));
        assertEquals("toothbrush", info.labels().get(79));
        assertEquals("yolov8", info.decoder());
        assertEquals("detect", info.task());
        assertEquals("8.4.115", info.version());
        assertEquals(640, info.inputWidth());
        assertEquals(640, info.inputHeight());
        assertEquals("83de8f0d2cd521e00ae2b138c340a03dece35b060b3898509bdc69afff417312", info.sha256());
        assertTrue(model.description().startsWith("Ultralytics YOLOv8n"), model.description());
    }

    @Test
    void decode_yolov8Export_findsBusAndPersons() throws ModelException {
        // given bus.jpg, 810x1080
        try (Detector detector = model.newDetector();
                Mat bus = imread(TestData.require("detection-coco/bus.jpg").toString())) {
            // when
            List<Detection> detections = detector.detect(bus);

            // then: one bus spanning nearly the whole width
            List<Detection> buses = detections.stream().filter(d -> d.label().equals("bus")).toList();
            assertEquals(1, buses.size(), detections.toString());
            Detection theBus = buses.get(0);
            assertTrue(theBus.score() > 0.7f, theBus.toString());
            assertTrue(Boxes.iou(theBus, 32, 231, 799, 768) > 0.95, theBus.toString());
            assertTrue(theBus.width() > 0.9f * bus.cols(), theBus.toString());

            // and three confident persons where they stand, feet below the bus's lower edge (in front of it)
            double[][] persons = {{50, 399, 243, 903}, {221, 408, 344, 857}, {672, 374, 810, 879}};
            for (double[] p : persons) {
                Detection match = detections.stream()
                        .filter(d -> d.label().equals("person") && Boxes.iou(d, p[0], p[1], p[2], p[3]) > 0.9)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no person near " + java.util.Arrays.toString(p)
                                + " in " + detections));
                assertTrue(match.score() > 0.8f, match.toString());
                assertTrue(match.y2() > theBus.y2(), match + " should stand in front of " + theBus);
            }
            assertTrue(detections.stream().filter(d -> d.label().equals("person")).count() >= 3);

            // and everything inside the image, best score first
            for (int i = 0; i < detections.size(); i++) {
                Detection d = detections.get(i);
                assertTrue(d.x1() >= 0 && d.y1() >= 0 && d.x2() <= bus.cols() && d.y2() <= bus.rows(), d.toString());
                if (i > 0) {
                    assertTrue(detections.get(i - 1).score() >= d.score(), detections.toString());
                }
            }
        }
    }

    @Test
    void decode_wideImage_findsTwoPersons() throws ModelException {
        // given zidane.jpg, 1280x720 (letterboxed with gray bands above and below)
        try (Detector detector = model.newDetector();
                Mat zidane = imread(TestData.require("detection-coco/zidane.jpg").toString())) {
            // when
            List<Detection> persons = detector.detect(zidane).stream()
                    .filter(d -> d.label().equals("person"))
                    .toList();

            // then
            assertEquals(2, persons.size(), persons.toString());
            assertTrue(persons.stream().anyMatch(d -> Boxes.iou(d, 114, 194, 1112, 710) > 0.9), persons.toString());
            assertTrue(persons.stream().anyMatch(d -> Boxes.iou(d, 749, 44, 1136, 709) > 0.9), persons.toString());
        }
    }

    @Test
    void detect_twoThreadsSharingTheSession_getTheSameAnswerAsOne() throws Exception {
        // given one detector's answer
        List<Detection> expected;
        try (Detector detector = model.newDetector();
                Mat bus = imread(TestData.require("detection-coco/bus.jpg").toString())) {
            expected = detector.detect(bus);
        }

        // when two workers, each with its own detector, run at once
        ExecutorService workers = Executors.newFixedThreadPool(2, r -> new Thread(r, "test-detector"));
        try {
            List<Future<List<List<Detection>>>> futures = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                futures.add(workers.submit(() -> {
                    List<List<Detection>> answers = new ArrayList<>();
                    try (Detector detector = model.newDetector();
                            Mat bus = imread(TestData.require("detection-coco/bus.jpg").toString())) {
                        for (int i = 0; i < 3; i++) {
                            answers.add(detector.detect(bus));
                        }
                    }
                    return answers;
                }));
            }

            // then
            for (Future<List<List<Detection>>> future : futures) {
                for (List<Detection> answer : future.get(2, TimeUnit.MINUTES)) {
                    assertEquals(expected, answer);
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }
}
