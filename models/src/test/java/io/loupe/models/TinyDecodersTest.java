package io.loupe.models;

import static io.loupe.models.TinyModelTest.assertDetection;
import static io.loupe.models.TinyModelTest.gray;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.TinyOnnx.Output;
import io.loupe.models.preprocess.ChannelValues;
import io.loupe.models.preprocess.ColorOrder;
import io.loupe.models.preprocess.Preprocessing;
import io.loupe.models.preprocess.ResizeMode;
import io.loupe.models.preprocess.TensorLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every decoder end to end on tiny hand-written ONNX models with the exact output layout of its family and known
 * values, so each number (decoding, inverse mapping through the pre-processing, thresholds) can be checked.
 */
class TinyDecodersTest {

    private static final Map<String, String> TWO_CLASSES = TinyOnnx.metadata("names", "{0: 'scratch', 1: 'dent'}");

    @TempDir
    Path dir;

    @Test
    void detect_yolov5Layout_multipliesObjectnessAndClassAndSkipsLowObjectness() throws Exception {
        // given [1, 3 anchors, 5 + 2]: cx, cy, w, h, objectness, class scores
        float[] rows = {
            32, 32, 20, 10, 0.9f, 0.8f, 0.1f, // score 0.72, class 0
            32, 32, 20, 10, 0.2f, 0.9f, 0.9f, // objectness below 0.25: skipped
            10, 40, 4, 4, 0.6f, 0.1f, 0.5f // score 0.30, class 1
        };
        Path file = TinyOnnx.write(dir, "v5.onnx", TinyOnnx.constantModel(new Object[] {1, 3, 64, 64}, TWO_CLASSES,
                Output.of("output0", new long[] {1, 3, 7}, rows)));

        // when a 128x64 image goes through (scale 0.5, 16 gray rows above)
        try (Model model = Model.load(ModelSpec.of("v5", file).withDecoder("yolov5"));
                Detector detector = model.newDetector();
                Mat image = gray(64, 128)) {
            List<Detection> detections = detector.detect(image);

            // then
            assertEquals(2, detections.size(), detections.toString());
            assertDetection(detections.get(0), 0, "scratch", 0.72f, 44, 22, 84, 42);
            assertDetection(detections.get(1), 1, "dent", 0.30f, 16, 44, 24, 52);
            assertEquals(ResultKind.DETECTIONS, model.resultKind());
        }
    }

    @Test
    void detect_yoloxLayout_decodesTheGridAndMapsBackThroughTopLeftPadding() throws Exception {
        // given a 64x64 YOLOX head: 8x8 + 4x4 + 2x2 = 84 anchors of (dx, dy, log w, log h, obj, 2 classes)
        float[] rows = new float[84 * 7];
        set(rows, 9, 0f, 0f, 0f, 0f, 0.5f, 0.9f, 0.1f); // stride 8, row 1, col 1: centre (8, 8), 8x8, 0.45 class 0
        set(rows, 64 + 4 + 2, 0.5f, 0.25f, (float) Math.log(2), 0f, 0.9f, 0.2f, 0.8f); // stride 16, row 1, col 2
        Path file = TinyOnnx.write(dir, "yolox.onnx", TinyOnnx.constantModel(new Object[] {1, 3, 64, 64},
                TWO_CLASSES, Output.of("output", new long[] {1, 84, 7}, rows)));

        // when a 128x64 image goes through (scale 0.5, top-left: no offset)
        try (Model model = Model.load(ModelSpec.of("yolox", file).withDecoder("yolox"));
                Detector detector = model.newDetector();
                Mat image = gray(64, 128)) {
            List<Detection> detections = detector.detect(image);

            // then box (24, 12)-(56, 28) and (4, 4)-(12, 12) in the input, doubled in the image
            assertEquals(Preprocessing.YOLOX, model.preprocessing());
            assertEquals(2, detections.size(), detections.toString());
            assertDetection(detections.get(0), 1, "dent", 0.72f, 48, 24, 112, 56);
            assertDetection(detections.get(1), 0, "scratch", 0.45f, 8, 8, 24, 24);
        }
    }

    @Test
    void detect_yoloxWithAnchorCountNotMatchingTheGrid_namesTheStrides() throws Exception {
        // given 80 anchors where a 64x64 input with strides 8/16/32 has 84
        Path file = TinyOnnx.write(dir, "bad.onnx", TinyOnnx.constantModel(new Object[] {1, 3, 64, 64}, TWO_CLASSES,
                Output.of("output", new long[] {1, 80, 7}, new float[80 * 7])));

        // when
        ModelException e = assertThrows(ModelException.class,
                () -> Model.load(ModelSpec.of("bad", file).withDecoder("yolox")));

        // then
        assertTrue(e.getMessage().contains("has 80 anchors, but a 64x64 input with strides [8, 16, 32] gives 84"),
                e.getMessage());
        assertTrue(e.getMessage().contains("strides: [8, 16, 32, 64]"), e.getMessage());
    }

    @Test
    void estimate_yoloPoseLayout_mapsKeypointsBackThroughTheLetterbox() throws Exception {
        // given [1, 4 + 1 + 2 * 3, 2 anchors] and kpt_shape [2, 3] in the metadata, as Ultralytics writes it
        float[] table = {
            32, 32, // cx
            32, 32, // cy
            20, 20, // w
            10, 10, // h
            0.9f, 0.1f, // person score: anchor 1 below the threshold
            30, 0, 30, 0, 0.95f, 0, // keypoint 0: x, y, visibility
            40, 0, 34, 0, 0.2f, 0 // keypoint 1
        };
        Map<String, String> metadata = TinyOnnx.metadata("names", "{0: 'person'}", "task", "pose",
                "kpt_shape", "[2, 3]");
        Path file = TinyOnnx.write(dir, "pose.onnx", TinyOnnx.constantModel(new Object[] {1, 3, 64, 64}, metadata,
                Output.of("output0", new long[] {1, 11, 2}, table)));

        // when a 128x64 image goes through (scale 0.5, 16 gray rows above)
        try (Model model = Model.load(ModelSpec.of("pose", file));
                PoseEstimator estimator = model.newPoseEstimator();
                Mat image = gray(64, 128)) {
            List<Pose> poses = estimator.estimate(image);

            // then
            assertEquals(ResultKind.POSES, model.resultKind());
            assertEquals("yolo-pose", model.info().decoder());
            assertEquals(1, poses.size(), poses.toString());
            Pose pose = poses.get(0);
            assertDetection(pose.box(), 0, "person", 0.9f, 44, 22, 84, 42);
            assertEquals(new Keypoint(60, 28, 0.95f), rounded(pose.keypoints().get(0)));
            assertEquals(new Keypoint(80, 36, 0.2f), rounded(pose.keypoints().get(1)));
            Poses predicted = assertInstanceOf(Poses.class, estimator.predict(image));
            assertEquals(poses, predicted.poses());
        }
    }

    @Test
    void detect_poseModel_givesThePersonBoxes() throws Exception {
        // given the same pose head
        float[] table = {32, 0, 32, 0, 20, 0, 10, 0, 0.9f, 0, 30, 0, 30, 0, 1, 0, 40, 0, 34, 0, 1, 0};
        Map<String, String> metadata = TinyOnnx.metadata("names", "{0: 'person'}", "task", "pose",
                "kpt_shape", "[2, 3]");
        Path file = TinyOnnx.write(dir, "pose.onnx", TinyOnnx.constantModel(new Object[] {1, 3, 64, 64}, metadata,
                Output.of("output0", new long[] {1, 11, 2}, table)));

        // when
        try (Model model = Model.load(ModelSpec.of("pose", file));
                Detector detector = model.newDetector();
                Mat image = gray(64, 64)) {
            // then
            List<Detection> persons = detector.detect(image);
            assertEquals(1, persons.size());
            assertDetection(persons.get(0), 0, "person", 0.9f, 22, 27, 42, 37);
        }
    }

    @Test
    void classify_logits_areTurnedIntoProbabilitiesBySoftmax() throws Exception {
        // given logits [2, 1, 0]
        Path file = writeClassifier("logits.onnx", new float[] {2f, 1f, 0f}, null);

        // when
        try (Model model = Model.load(ModelSpec.of("cls", file));
                Classifier classifier = model.newClassifier();
                Mat image = gray(48, 64)) {
            Classification c = classifier.classify(image);

            // then e^2 / (e^2 + e + 1) = 0.665
            assertEquals(ResultKind.CLASSIFICATION, model.resultKind());
            assertEquals(Preprocessing.CLASSIFY, model.preprocessing());
            assertEquals(3, c.top().size());
            assertEquals(new ClassScore(0, "ok", 0.66524f), rounded(c.best()));
            assertEquals(new ClassScore(1, "scratch", 0.24473f), rounded(c.top().get(1)));
            assertEquals(new ClassScore(2, "dent", 0.09003f), rounded(c.top().get(2)));
        }
    }

    @Test
    void classify_probabilities_areKeptAsTheyAreUnlessTheManifestForcesSoftmax() throws Exception {
        // given an export ending in a softmax
        Path file = writeClassifier("probs.onnx", new float[] {0.1f, 0.7f, 0.2f}, null);
        try (Model model = Model.load(ModelSpec.of("cls", file));
                Predictor predictor = model.newPredictor();
                Mat image = gray(32, 32)) {
            // when
            Classification c = assertInstanceOf(Classification.class, predictor.predict(image));

            // then
            assertEquals(new ClassScore(1, "scratch", 0.7f), rounded(c.best()));
        }

        // and with softmax: true in the manifest
        Path forced = writeClassifier("forced.onnx", new float[] {0.1f, 0.7f, 0.2f}, "softmax: true\n");
        try (Model model = Model.load(ModelSpec.of("cls", forced));
                Classifier classifier = model.newClassifier();
                Mat image = gray(32, 32)) {
            assertEquals(0.46396f, classifier.classify(image).best().score(), 1e-4);
        }
    }

    @Test
    void newDetector_onAClassifier_saysWhichMethodToUse() throws Exception {
        // given
        Path file = writeClassifier("cls.onnx", new float[] {0.1f, 0.7f, 0.2f}, null);
        try (Model model = Model.load(ModelSpec.of("cls", file))) {
            // when
            IllegalStateException e = assertThrows(IllegalStateException.class, model::newDetector);

            // then
            assertTrue(e.getMessage().contains("gives CLASSIFICATION, not boxes"), e.getMessage());
            assertTrue(e.getMessage().contains("newClassifier()"), e.getMessage());
            assertThrows(IllegalStateException.class, model::newAnomalyDetector);
            assertThrows(IllegalStateException.class, () -> model.newTiledDetector(new TileSpec(16, 16, 0f, false)));
        }
    }

    @Test
    void inspect_anomalib2Export_readsScoreAndMapNormalisedInTheGraph() throws Exception {
        // given anomalib 2.x outputs: pred_score, pred_label (bool), anomaly_map [1, 1, 4, 4], pred_mask (bool)
        float[] map = new float[16];
        java.util.Arrays.fill(map, 0.1f);
        map[4 + 2] = 1.0f; // row 1, column 2
        Path file = TinyOnnx.write(dir, "patchcore.onnx", TinyOnnx.constantModel(new Object[] {1, 3, 32, 32},
                Map.of(),
                Output.of("pred_score", new long[] {1}, new float[] {0.8f}),
                Output.bool("pred_label", new long[] {1}, new float[] {0.8f}),
                Output.of("anomaly_map", new long[] {1, 1, 4, 4}, map),
                Output.bool("pred_mask", new long[] {1, 1, 4, 4}, map)));

        // when a 64x32 image is inspected (the map is stretched back onto it)
        try (Model model = Model.load(ModelSpec.of("anomaly", file).withDecoder("anomalib"));
                AnomalyDetector detector = model.newAnomalyDetector();
                Mat image = gray(32, 64)) {
            AnomalyResult result = detector.inspect(image);

            // then
            assertEquals(ResultKind.ANOMALY, model.resultKind());
            assertEquals(Preprocessing.ANOMALIB, model.preprocessing());
            assertEquals(0.8f, result.score(), 1e-6);
            assertEquals(0.5f, result.threshold());
            assertTrue(result.anomalous());
            assertEquals(64, result.map().cols());
            assertEquals(32, result.map().rows());
            assertEquals(CV_32F, result.map().type());
            assertTrue(result.mapMax() > 0.85f && result.mapMax() <= 1f, "max " + result.mapMax());
            assertTrue(result.mapMean() > 0.12f && result.mapMean() < 0.2f, "mean " + result.mapMean());
            Point hottest = hottest(result.map());
            assertTrue(hottest.x() >= 32 && hottest.x() < 48 && hottest.y() >= 8 && hottest.y() < 16,
                    "hottest at " + hottest.x() + ", " + hottest.y());
        }
    }

    @Test
    void inspect_anomalib1ExportWithManifestThresholds_normalisesAsAnomalib() throws Exception {
        // given a raw map whose maximum (30) is the score, and metadata.json's values in the manifest
        float[] map = new float[16];
        java.util.Arrays.fill(map, 5f);
        map[5] = 30f;
        Path file = TinyOnnx.write(dir, "padim.onnx", TinyOnnx.constantModel(new Object[] {1, 3, 32, 32}, Map.of(),
                Output.of("output", new long[] {1, 1, 4, 4}, map)));
        Files.writeString(dir.resolve("padim.model.yml"), "decoder: anomalib\n"
                + "anomaly: {image_threshold: 20, pixel_threshold: 18, min: 0, max: 40}\n");

        // when
        try (Model model = Model.load(ModelSpec.of("padim", file));
                AnomalyDetector detector = model.newAnomalyDetector();
                Mat image = gray(32, 32)) {
            AnomalyResult result = detector.inspect(image);

            // then (30 - 20) / 40 + 0.5 = 0.75; the map's hot cell (30 - 18) / 40 + 0.5 = 0.8, the rest 0.175
            assertEquals(0.75f, result.score(), 1e-6);
            assertEquals(0.5f, result.threshold());
            assertTrue(result.anomalous());
            assertTrue(result.mapMax() > 0.7f && result.mapMax() <= 0.8f + 1e-6, "max " + result.mapMax());
            assertTrue(result.mapMean() > 0.175f && result.mapMean() < 0.26f, "mean " + result.mapMean());
        }
    }

    @Test
    void inspect_anomalibScoreOnlyWithRawThreshold_comparesRawScores() throws Exception {
        // given a classification-task export: one raw score, no map
        Path file = TinyOnnx.write(dir, "score.onnx", TinyOnnx.constantModel(new Object[] {1, 3, 32, 32}, Map.of(),
                Output.of("output", new long[] {1}, new float[] {12f})));
        Files.writeString(dir.resolve("score.model.yml"), "task: anomaly\nanomaly: {image_threshold: 15}\n");

        // when
        try (Model model = Model.load(ModelSpec.of("score", file));
                Predictor predictor = model.newPredictor();
                Mat image = gray(32, 32)) {
            AnomalyResult result = assertInstanceOf(AnomalyResult.class, predictor.predict(image));

            // then
            assertEquals("anomalib", model.info().decoder());
            assertEquals(12f, result.score());
            assertEquals(15f, result.threshold());
            assertFalse(result.anomalous());
            assertNull(result.map());
            assertTrue(Float.isNaN(result.mapMax()));
        }
    }

    @Test
    void load_anomalibWithoutThresholds_saysToCopyThemFromMetadataJson() throws Exception {
        // given
        Path file = TinyOnnx.write(dir, "raw.onnx", TinyOnnx.constantModel(new Object[] {1, 3, 32, 32}, Map.of(),
                Output.of("output", new long[] {1, 1, 4, 4}, new float[16])));

        // when
        ModelException e = assertThrows(ModelException.class,
                () -> Model.load(ModelSpec.of("raw", file).withDecoder("anomalib")));

        // then
        assertTrue(e.getMessage().contains("no thresholds in its graph"), e.getMessage());
        assertTrue(e.getMessage().contains("anomaly: {image_threshold: T"), e.getMessage());
        assertTrue(e.getMessage().contains("metadata.json"), e.getMessage());
    }

    @Test
    void detect_nhwcInput_isFoundFromTheGraphAndDecodedAsNchw() throws Exception {
        // given the tiny detector's table behind an NHWC input [1, 64, 64, 3]
        Path file = TinyOnnx.write(dir, "nhwc.onnx", TinyOnnx.constantModel(new Object[] {1, 64, 64, 3},
                TinyOnnx.metadata("names", "{0: 'scratch', 1: \"operator's mark\"}", "task", "detect"),
                Output.of("output0", new long[] {1, 6, 4}, TinyModelTestTable.TABLE)));

        // when
        try (Model model = Model.load(ModelSpec.of("nhwc", file));
                Detector detector = model.newDetector();
                Mat image = gray(64, 128)) {
            List<Detection> detections = detector.detect(image);

            // then
            assertEquals(TensorLayout.NHWC, model.layout());
            assertEquals(64, model.info().inputWidth());
            assertEquals(2, detections.size(), detections.toString());
            assertDetection(detections.get(0), 0, "scratch", 0.9f, 44, 22, 84, 42);
        }
    }

    @Test
    void load_manifestPreprocessKeys_overrideTheDecoderDefaults() throws Exception {
        // given
        Path file = TinyModelTest.writeTiny(dir, "tiny.onnx", TinyOnnx.metadata("names", "['a', 'b']",
                "task", "detect"));
        Files.writeString(dir.resolve("tiny.model.yml"), String.join("\n",
                "preprocess:",
                "  resize: stretch",
                "  color: bgr",
                "  scale: 1",
                "  mean: [103.53, 116.28, 123.675]",
                "  std: [57.375, 57.12, 58.395]",
                ""));

        // when
        try (Model model = Model.load(ModelSpec.of("tiny", file))) {
            // then
            assertEquals(new Preprocessing(ResizeMode.STRETCH, ColorOrder.BGR, 1f,
                    new ChannelValues(103.53f, 116.28f, 123.675f), new ChannelValues(57.375f, 57.12f, 58.395f), 114),
                    model.preprocessing());
        }
    }

    private Path writeClassifier(String name, float[] scores, String manifest) throws Exception {
        Path file = TinyOnnx.write(dir, name, TinyOnnx.constantModel(new Object[] {1, 3, 32, 32},
                TinyOnnx.metadata("names", "{0: 'ok', 1: 'scratch', 2: 'dent'}", "task", "classify"),
                Output.of("output0", new long[] {1, 3}, scores)));
        if (manifest != null) {
            Files.writeString(dir.resolve(name.replace(".onnx", ".model.yml")), manifest);
        }
        return file;
    }

    private static void set(float[] rows, int anchor, float... values) {
        System.arraycopy(values, 0, rows, anchor * values.length, values.length);
    }

    private static Keypoint rounded(Keypoint k) {
        return new Keypoint(Math.round(k.x() * 1000) / 1000f, Math.round(k.y() * 1000) / 1000f,
                Math.round(k.score() * 1000) / 1000f);
    }

    private static ClassScore rounded(ClassScore c) {
        return new ClassScore(c.classId(), c.label(), Math.round(c.score() * 100_000) / 100_000f);
    }

    private static Point hottest(Mat map) {
        try (DoublePointer min = new DoublePointer(1);
                DoublePointer max = new DoublePointer(1);
                Point low = new Point();
                Mat none = new Mat()) {
            Point high = new Point();
            minMaxLoc(map, min, max, low, high, none);
            return high;
        }
    }
}
