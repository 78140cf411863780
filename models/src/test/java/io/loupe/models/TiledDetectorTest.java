package io.loupe.models;

import static io.loupe.models.TinyModelTest.assertDetection;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.TinyOnnx.Output;
import io.loupe.models.preprocess.Tile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sliced inference: tile geometry, batching of tiles, merging, and a real image. */
class TiledDetectorTest {

    private static final Map<String, String> TWO_CLASSES =
            TinyOnnx.metadata("names", "{0: 'insect', 1: 'leaf'}", "task", "detect");

    /** One anchor: a 20x10 box centred at (32, 32) of class 0, score 0.9. */
    private static final float[] ONE_BOX = {32, 32, 20, 10, 0.9f, 0.1f};

    @TempDir
    Path dir;

    @Test
    void detect_twoTilesWithoutOverlap_mapsEachTilesBoxToItsPlace() throws Exception {
        // given a 64x64 constant detector and a 128x64 image cut into two 64x64 tiles (scale 1)
        Path file = TinyOnnx.write(dir, "one.onnx", TinyOnnx.constantModel(new Object[] {1, 3, 64, 64}, TWO_CLASSES,
                Output.of("output0", new long[] {1, 6, 1}, ONE_BOX)));
        try (Model model = Model.load(ModelSpec.of("one", file));
                TiledDetector detector = model.newTiledDetector(new TileSpec(64, 64, 0f, false));
                Mat image = TinyModelTest.gray(64, 128)) {
            // when
            List<Detection> detections = detector.detect(image);

            // then
            assertEquals(List.of(new Tile(0, 0, 64, 64), new Tile(64, 0, 64, 64)), detector.regions(128, 64));
            assertEquals(2, detections.size(), detections.toString());
            List<Detection> byX = detections.stream().sorted((a, b) -> Float.compare(a.x1(), b.x1())).toList();
            assertDetection(byX.get(0), 0, "insect", 0.9f, 22, 27, 42, 37);
            assertDetection(byX.get(1), 0, "insect", 0.9f, 86, 27, 106, 37);
        }
    }

    @Test
    void detect_fullFramePass_addsTheWholeImagesBoxes() throws Exception {
        // given the same, plus the whole frame letterboxed (scale 0.5, box at (44, 22)-(84, 42))
        Path file = TinyOnnx.write(dir, "one.onnx", TinyOnnx.constantModel(new Object[] {1, 3, 64, 64}, TWO_CLASSES,
                Output.of("output0", new long[] {1, 6, 1}, ONE_BOX)));
        try (Model model = Model.load(ModelSpec.of("one", file));
                TiledDetector detector = model.newTiledDetector(new TileSpec(64, 64, 0f, true));
                Mat image = TinyModelTest.gray(64, 128)) {
            // when
            List<Detection> detections = detector.detect(image);

            // then
            assertEquals(3, detector.regions(128, 64).size());
            assertEquals(3, detections.size(), detections.toString());
            assertTrue(detections.stream().anyMatch(d -> Math.abs(d.x1() - 44) < 1e-3 && Math.abs(d.y2() - 42) < 1e-3),
                    detections.toString());
        }
    }

    @Test
    void detect_batchedTiles_giveTheSameBoxesAsOneTileAtATime() throws Exception {
        // given a dynamic-batch detector whose box moves right with the tile's brightness: cx = 32 + 20 * mean
        float[] table = {32, 32, 20, 10, 0.9f, 0.1f};
        float[] selector = {20, 0, 0, 0, 0, 0};
        Path file = TinyOnnx.write(dir, "bright.onnx", TinyOnnx.brightnessDetector(64, 6, 1, table, selector,
                TWO_CLASSES));
        try (Mat image = new Mat(64, 128, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            try (Mat right = image.colRange(64, 128)) {
                right.put(new Scalar(255, 255, 255, 0));
            }
            List<Detection> oneByOne;
            List<Detection> batched;

            // when run with batches of 1 and of 2
            try (Model model = Model.load(ModelSpec.of("b1", file));
                    TiledDetector detector = model.newTiledDetector(new TileSpec(64, 64, 0f, false))) {
                oneByOne = detector.detect(image);
            }
            try (Model model = Model.load(ModelSpec.of("b2", file).withMaxBatch(2));
                    TiledDetector detector = model.newTiledDetector(new TileSpec(64, 64, 0f, false))) {
                batched = detector.detect(image);
            }

            // then the dark tile's box is at cx 32, the bright tile's at 64 + 52
            assertEquals(oneByOne, batched);
            List<Detection> byX = batched.stream().sorted((a, b) -> Float.compare(a.x1(), b.x1())).toList();
            assertDetection(byX.get(0), 0, "insect", 0.9f, 22, 27, 42, 37);
            assertDetection(byX.get(1), 0, "insect", 0.9f, 106, 27, 126, 37);
        }
    }

    @Test
    void detect_realBusImageInOverlappingTiles_findsEachPersonOnce() throws Exception {
        // given bus.jpg (810x1080) in 640x640 tiles with 20% overlap plus the full frame: 2 x 2 tiles + 1
        Path model = TestData.require("detection-coco/yolov8n_coco_int8dyn_640.onnx");
        try (Model yolo = Model.load(ModelSpec.of("coco", model).withProvider(Provider.CPU));
                TiledDetector detector = yolo.newTiledDetector(new TileSpec(640, 640, 0.2f, true));
                Mat bus = imread(TestData.require("detection-coco/bus.jpg").toString())) {
            // when
            List<Detection> detections = detector.detect(bus);

            // then the three standing persons are found, each by one box only
            assertEquals(5, detector.regions(bus.cols(), bus.rows()).size());
            double[][] persons = {{50, 399, 243, 903}, {221, 408, 344, 857}, {672, 374, 810, 879}};
            for (double[] p : persons) {
                List<Detection> near = detections.stream()
                        .filter(d -> d.label().equals("person") && Boxes.iou(d, p[0], p[1], p[2], p[3]) > 0.5)
                        .toList();
                assertEquals(1, near.size(), "person at " + java.util.Arrays.toString(p) + ": " + detections);
                assertTrue(Boxes.iou(near.get(0), p[0], p[1], p[2], p[3]) > 0.8, near.toString());
            }
            assertTrue(detections.stream().anyMatch(d -> d.label().equals("bus") && d.width() > 0.8f * bus.cols()),
                    detections.toString());
        }
    }

    @Test
    void tileSpec_tooSmallOrBadOverlap_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TileSpec(4, 64, 0.2f, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TileSpec(640, 640, 1f, false));
        assertEquals("Tile overlap is 1.0; use a fraction in [0, 0.9], e.g. 0.2", e.getMessage());
    }
}
