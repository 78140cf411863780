package io.loupe.models;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on tiny hand-written ONNX models whose output is a known table, so every number can be checked. */
class TinyModelTest {

    private static final int ANCHORS = 4;

    /** Rows cx, cy, w, h, class-0 score, class-1 score; one column per anchor (see the test names for the plan). */
    private static final float[] TABLE = {
        32, 33, 32, 10, // cx
        32, 32, 32, 10, // cy
        20, 20, 20, 4, // w
        10, 10, 10, 4, // h
        0.9f, 0.8f, 0.2f, 0.1f, // class 0: anchor 1 overlaps anchor 0 (IoU 0.905), anchor 3 is below 0.25
        0.1f, 0.05f, 0.7f, 0.2f // class 1: anchor 2 is the same box as anchor 0, other class
    };

    private static final Map<String, String> METADATA = TinyOnnx.metadata(
            "names", "{0: 'scratch', 1: \"operator's mark\"}",
            "task", "detect",
            "imgsz", "[64, 64]",
            "description", "tiny test detector",
            "version", "8.3.0");

    @TempDir
    Path dir;

    @Test
    void detect_wideImage_mapsBoxesBackThroughLetterboxAndKeepsOnePerClass() throws Exception {
        // given a 64x64 model and a 128x64 image: scale 0.5, 16 gray rows above and below
        Path file = TinyOnnx.write(dir, "tiny.onnx", TinyOnnx.constantDetector(64, 64, 6, ANCHORS, TABLE, METADATA));
        try (Model model = Model.load(ModelSpec.of("tiny", file).withProvider(Provider.CPU));
                Detector detector = model.newDetector();
                Mat image = gray(64, 128)) {
            // when
            List<Detection> detections = detector.detect(image);

            // then the input box (22, 27)-(42, 37) lands at (44, 22)-(84, 42); anchor 1 is suppressed, anchor 2 kept
            assertEquals(2, detections.size(), detections.toString());
            assertDetection(detections.get(0), 0, "scratch", 0.9f, 44, 22, 84, 42);
            assertDetection(detections.get(1), 1, "operator's mark", 0.7f, 44, 22, 84, 42);
            assertEquals(40f, detections.get(0).width(), 1e-4);
            assertEquals(20f, detections.get(0).height(), 1e-4);
        }
    }

    @Test
    void load_ultralyticsMetadata_fillsInfo() throws Exception {
        // given
        Path file = TinyOnnx.write(dir, "tiny.onnx", TinyOnnx.constantDetector(64, 64, 6, ANCHORS, TABLE, METADATA));

        // when
        try (Model model = Model.load(ModelSpec.of("tiny", file))) {
            // then
            ModelInfo info = model.info();
            assertEquals("tiny", info.id());
            assertEquals("tiny", info.name());
            assertEquals("8.3.0", info.version());
            assertEquals("detect", info.task());
            assertEquals("yolov8", info.decoder());
            assertEquals(List.of("scratch", "operator's mark"), info.labels());
            assertEquals(64, info.inputWidth());
            assertEquals(64, info.inputHeight());
            assertEquals(Provider.CPU, info.provider());
            assertEquals(64, info.sha256().length());
            assertEquals(file.toAbsolutePath().normalize(), info.path());
            assertEquals("tiny test detector", model.description());
            assertEquals(ModelSpec.DEFAULT_CONFIDENCE, model.confidence());
            assertEquals(ModelSpec.DEFAULT_IOU, model.iou());
        }
    }

    @Test
    void load_autoOnCpuBuild_recordsWhyGpuProvidersWereSkipped() throws Exception {
        // given the CPU jar of ONNX Runtime
        Path file = TinyOnnx.write(dir, "tiny.onnx", TinyOnnx.constantDetector(64, 64, 6, ANCHORS, TABLE, METADATA));

        // when
        try (Model model = Model.load(ModelSpec.of("tiny", file).withProvider(Provider.AUTO))) {
            // then
            assertEquals(Provider.CPU, model.info().provider());
            assertEquals(List.of("TensorRT: not in this ONNX Runtime build (CPU jar)",
                    "CUDA: not in this ONNX Runtime build (CPU jar)"), model.info().providerNotes());
        }
    }

    @Test
    void load_manifestBesideModel_winsOverMetadata() throws Exception {
        // given metadata naming two classes and a manifest that renames them and raises the threshold
        Path file = TinyOnnx.write(dir, "tiny.onnx", TinyOnnx.constantDetector(64, 64, 6, ANCHORS, TABLE, METADATA));
        Files.writeString(dir.resolve("tiny.model.yml"), String.join("\n",
                "name: dents-and-rust",
                "version: '2.1'",
                "labels: [dent, rust]",
                "confidence: 0.75",
                "iou: 0.5",
                "description: from the manifest",
                ""));

        // when
        try (Model model = Model.load(ModelSpec.of("tiny", file));
                Detector detector = model.newDetector();
                Mat image = gray(64, 64)) {
            List<Detection> detections = detector.detect(image);

            // then
            assertEquals("dents-and-rust", model.info().name());
            assertEquals("2.1", model.info().version());
            assertEquals(List.of("dent", "rust"), model.info().labels());
            assertEquals("from the manifest", model.description());
            assertEquals(0.75f, model.confidence());
            assertEquals(0.5f, model.iou());
            assertEquals(1, detections.size(), detections.toString());
            assertDetection(detections.get(0), 0, "dent", 0.9f, 22, 27, 42, 37);
        }
    }

    @Test
    void load_specThresholds_winOverManifest() throws Exception {
        // given
        Path file = TinyOnnx.write(dir, "tiny.onnx", TinyOnnx.constantDetector(64, 64, 6, ANCHORS, TABLE, METADATA));
        Files.writeString(dir.resolve("tiny.model.yml"), "confidence: 0.75\n");

        // when
        try (Model model = Model.load(ModelSpec.of("tiny", file).withConfidence(0.15f))) {
            // then
            assertEquals(0.15f, model.confidence());
            assertEquals(ModelSpec.DEFAULT_IOU, model.iou());
        }
    }

    @Test
    void load_dynamicInputDims_takeImgszFromMetadata() throws Exception {
        // given a graph with symbolic height and width, and imgsz [48, 96] (height, width)
        Map<String, String> metadata = TinyOnnx.metadata("names", "['a', 'b']", "task", "detect", "imgsz", "[48, 96]");
        Path file = TinyOnnx.write(dir, "dyn.onnx", TinyOnnx.constantDetector(null, null, 6, ANCHORS, TABLE, metadata));

        // when
        try (Model model = Model.load(ModelSpec.of("dyn", file));
                Detector detector = model.newDetector();
                Mat image = gray(48, 96)) {
            // then
            assertEquals(96, model.info().inputWidth());
            assertEquals(48, model.info().inputHeight());
            assertEquals(2, detector.detect(image).size());
        }
    }

    @Test
    void load_dynamicInputDims_manifestInputWinsOverImgsz() throws Exception {
        // given
        Map<String, String> metadata = TinyOnnx.metadata("names", "['a', 'b']", "task", "detect", "imgsz", "[48, 96]");
        Path file = TinyOnnx.write(dir, "dyn.onnx", TinyOnnx.constantDetector(null, null, 6, ANCHORS, TABLE, metadata));
        Files.writeString(dir.resolve("dyn.model.yml"), "input: {width: 32, height: 40}\n");

        // when
        try (Model model = Model.load(ModelSpec.of("dyn", file))) {
            // then
            assertEquals(32, model.info().inputWidth());
            assertEquals(40, model.info().inputHeight());
        }
    }

    @Test
    void load_dynamicInputDimsWithoutHints_default640() throws Exception {
        // given
        Map<String, String> metadata = TinyOnnx.metadata("names", "['a', 'b']", "task", "detect");
        Path file = TinyOnnx.write(dir, "dyn.onnx", TinyOnnx.constantDetector(null, null, 6, ANCHORS, TABLE, metadata));

        // when
        try (Model model = Model.load(ModelSpec.of("dyn", file))) {
            // then
            assertEquals(640, model.info().inputWidth());
            assertEquals(640, model.info().inputHeight());
        }
    }

    @Test
    void load_decoderKeyYolo11_isAnAliasOfYolov8() throws Exception {
        // given
        Path file = TinyOnnx.write(dir, "tiny.onnx", TinyOnnx.constantDetector(64, 64, 6, ANCHORS, TABLE, METADATA));

        // when
        try (Model model = Model.load(ModelSpec.of("tiny", file).withDecoder("YOLO11"));
                Detector detector = model.newDetector();
                Mat image = gray(64, 64)) {
            // then
            assertEquals("yolo11", model.info().decoder());
            assertEquals(2, detector.detect(image).size());
        }
    }

    @Test
    void detect_inputTensor_isAViewOfTheLetterboxBlobThatNeverMoves() throws Exception {
        // given
        Path file = TinyOnnx.write(dir, "tiny.onnx", TinyOnnx.constantDetector(64, 64, 6, ANCHORS, TABLE, METADATA));
        try (Model model = Model.load(ModelSpec.of("tiny", file));
                SessionDetector detector = (SessionDetector) model.newDetector();
                Mat wide = gray(64, 128);
                Mat tall = gray(200, 50)) {
            long blobAddress = detector.preprocessor().blob().data().address();

            // when images of different sizes go through
            detector.detect(wide);
            detector.detect(tall);
            detector.detect(wide);

            // then ONNX Runtime never copied the input and the blob stayed where it was
            assertFalse(detector.inputTensor().ownsBuffer(), "the input tensor must wrap the blob, not a copy");
            java.nio.Buffer wrapped = detector.inputTensor().getBufferRef().orElseThrow();
            assertEquals(blobAddress, new org.bytedeco.javacpp.Pointer(wrapped).address());
            assertEquals(blobAddress, detector.preprocessor().blob().data().address());
        }
    }

    @Test
    void detect_steadyState_allocatesOnlyTheResultOnTheJavaHeap() throws Exception {
        // given a warmed-up detector (first calls load classes and size the reusable arrays)
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(threads instanceof com.sun.management.ThreadMXBean sun
                && sun.isThreadAllocatedMemorySupported(), "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean counter = (com.sun.management.ThreadMXBean) threads;
        Path file = TinyOnnx.write(dir, "tiny.onnx", TinyOnnx.constantDetector(64, 64, 6, ANCHORS, TABLE, METADATA));
        try (Model model = Model.load(ModelSpec.of("tiny", file));
                Detector detector = model.newDetector();
                Mat image = gray(480, 640)) {
            for (int i = 0; i < 50; i++) {
                detector.detect(image);
            }
            long thread = Thread.currentThread().getId();

            // when
            long before = counter.getThreadAllocatedBytes(thread);
            for (int i = 0; i < 100; i++) {
                detector.detect(image);
            }
            long perFrame = (counter.getThreadAllocatedBytes(thread) - before) / 100;

            // then only small objects are new (ONNX Runtime's result holder, the list and its detections), never
            // a tensor or image buffer
            assertTrue(perFrame < 4096, perFrame + " bytes allocated per frame");
        }
    }

    @Test
    void close_isIdempotentAndDetectAfterwardsFailsWithTheModelNamed() throws Exception {
        // given
        Path file = TinyOnnx.write(dir, "tiny.onnx", TinyOnnx.constantDetector(64, 64, 6, ANCHORS, TABLE, METADATA));
        Model model = Model.load(ModelSpec.of("tiny", file));
        Detector kept = model.newDetector();
        Detector closedFirst = model.newDetector();
        closedFirst.close();

        // when
        model.close();
        model.close();
        closedFirst.close();

        // then
        try (Mat image = gray(64, 64)) {
            assertThrows(IllegalStateException.class, () -> kept.detect(image));
            assertThrows(IllegalStateException.class, model::newDetector);
        }
    }

    @Test
    void detect_wrongImageType_failsNamingTheType() throws Exception {
        // given
        Path file = TinyOnnx.write(dir, "tiny.onnx", TinyOnnx.constantDetector(64, 64, 6, ANCHORS, TABLE, METADATA));
        try (Model model = Model.load(ModelSpec.of("tiny", file));
                Detector detector = model.newDetector();
                Mat floats = new Mat(10, 10, org.bytedeco.opencv.global.opencv_core.CV_32FC3);
                Mat empty = new Mat()) {
            // when / then
            ModelException wrongType = assertThrows(ModelException.class, () -> detector.detect(floats));
            assertTrue(wrongType.getMessage().contains("CV_32FC3"), wrongType.getMessage());
            assertTrue(wrongType.getMessage().contains("'tiny'"), wrongType.getMessage());
            ModelException isEmpty = assertThrows(ModelException.class, () -> detector.detect(empty));
            assertTrue(isEmpty.getMessage().contains("empty"), isEmpty.getMessage());
        }
    }

    static Mat gray(int rows, int cols) {
        return new Mat(rows, cols, CV_8UC3, new Scalar(90, 90, 90, 0));
    }

    static void assertDetection(Detection d, int classId, String label, float score, float x1, float y1, float x2,
            float y2) {
        assertEquals(classId, d.classId(), d.toString());
        assertEquals(label, d.label(), d.toString());
        assertEquals(score, d.score(), 1e-6, d.toString());
        assertEquals(x1, d.x1(), 1e-3, d.toString());
        assertEquals(y1, d.y1(), 1e-3, d.toString());
        assertEquals(x2, d.x2(), 1e-3, d.toString());
        assertEquals(y2, d.y2(), 1e-3, d.toString());
    }

    static Path writeTiny(Path dir, String name, Map<String, String> metadata) throws IOException {
        return TinyOnnx.write(dir, name, TinyOnnx.constantDetector(64, 64, 6, ANCHORS, TABLE, metadata));
    }
}
