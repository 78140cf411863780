package io.loupe.models;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a model can fail to load gives a ModelException naming the file or key and the fix. */
class ModelLoadErrorsTest {

    private static final Map<String, String> DETECT_TWO_CLASSES =
            TinyOnnx.metadata("names", "{0: 'a', 1: 'b'}", "task", "detect");

    @TempDir
    Path dir;

    @Test
    void load_missingFile_namesThePathAndTheFix() {
        // given
        Path missing = dir.resolve("nowhere/model.onnx");

        // when
        ModelException e = assertThrows(ModelException.class, () -> Model.load(ModelSpec.of("m", missing)));

        // then
        assertMessage(e, "Model file not found: " + missing.toAbsolutePath(), "Fix: correct the model's path");
    }

    @Test
    void load_missingMediaPipeFile_saysHowToFetchIt() {
        // given one of MediaPipe's files, which are fetched, never committed, and not fetched yet
        Path missing = dir.resolve("mediapipe/pose_landmark_heavy.tflite");

        // when
        ModelException e = assertThrows(ModelException.class, () -> Model.load(ModelSpec.of("m", missing)));

        // then
        assertMessage(e, "Model file not found: " + missing.toAbsolutePath(), "one of MediaPipe's models",
                "loupe models fetch --dir " + missing.toAbsolutePath().getParent(), "fetch: mediapipe");
    }

    @Test
    void load_emptyFile_saysItIsEmpty() throws Exception {
        // given
        Path empty = Files.createFile(dir.resolve("empty.onnx"));

        // when
        ModelException e = assertThrows(ModelException.class, () -> Model.load(ModelSpec.of("m", empty)));

        // then
        assertMessage(e, empty.toString(), "is empty (0 bytes)", "Fix:");
    }

    @Test
    void load_randomBytes_isNotAnOnnxModel() throws Exception {
        // given
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise.onnx"), noise);

        // when
        ModelException e = assertThrows(ModelException.class, () -> Model.load(ModelSpec.of("m", file)));

        // then
        assertMessage(e, file.toString(), "is not an ONNX model or is corrupt", "sha256 ", "Fix: check that the file"
                + " is a complete .onnx export");
    }

    @Test
    void load_textFileRenamedOnnx_isNotAnOnnxModel() throws Exception {
        // given
        Path file = Files.writeString(dir.resolve("readme.onnx"), "This is not a model, just some notes.\n");

        // when
        ModelException e = assertThrows(ModelException.class, () -> Model.load(ModelSpec.of("m", file)));

        // then
        assertMessage(e, file.toString(), "is not an ONNX model or is corrupt", "Fix:");
    }

    @Test
    void load_unknownDecoderKey_listsTheKnownOnes() throws Exception {
        // given
        Path file = TinyModelTest.writeTiny(dir, "tiny.onnx", DETECT_TWO_CLASSES);

        // when
        ModelException e = assertThrows(ModelException.class,
                () -> Model.load(ModelSpec.of("m", file).withDecoder("yolov99")));

        // then
        assertMessage(e, file.toString(), "unknown decoder 'yolov99' (from the model configuration)",
                "known decoders: yolov8, yolo11", "Fix: set decoder");
    }

    @Test
    void load_unknownDecoderFromMetadataTask_saysWhereTheKeyCameFrom() throws Exception {
        // given a segmentation export, whose decoder is not written yet
        Path file = TinyModelTest.writeTiny(dir, "seg.onnx",
                TinyOnnx.metadata("names", "{0: 'person'}", "task", "segment"));

        // when
        ModelException e = assertThrows(ModelException.class, () -> Model.load(ModelSpec.of("m", file)));

        // then
        assertMessage(e, "unknown decoder 'yolov8-seg' (from task 'segment' in the model metadata)",
                "yolov8, yolo11, yolov5, yolov7, yolox, yolo-pose");
    }

    @Test
    void load_noDecoderAnywhere_saysWhereToSetIt() throws Exception {
        // given labels but no task, no manifest, no configured decoder
        Path file = TinyModelTest.writeTiny(dir, "bare.onnx", TinyOnnx.metadata("names", "{0: 'a', 1: 'b'}"));

        // when
        ModelException e = assertThrows(ModelException.class, () -> Model.load(ModelSpec.of("m", file)));

        // then
        assertMessage(e, file.toString(), "names no decoder", "bare.model.yml", "Fix: set decoder to one of yolov8");
    }

    @Test
    void load_noLabelsInMetadataOrManifest_saysWhichFileToWrite() throws Exception {
        // given a model without any metadata, and a decoder from the configuration
        Path file = TinyModelTest.writeTiny(dir, "anon.onnx", Map.of());

        // when
        ModelException e = assertThrows(ModelException.class,
                () -> Model.load(ModelSpec.of("m", file).withDecoder("yolov8")));

        // then
        assertMessage(e, file.toString(), "has no class labels", dir.resolve("anon.model.yml").toString(),
                "labels: [first, second, ...]");
    }

    @Test
    void load_labelsOnlyInManifest_loads() throws Exception {
        // given
        Path file = TinyModelTest.writeTiny(dir, "anon.onnx", Map.of());
        Files.writeString(dir.resolve("anon.model.yml"), "decoder: yolov8\nlabels: [a, b]\n");

        // when / then
        try (Model model = Model.load(ModelSpec.of("m", file))) {
            assertTrue(model.info().labels().equals(java.util.List.of("a", "b")));
        }
    }

    @Test
    void load_wrongInputRank_namesTheShape() throws Exception {
        // given a model whose input is [1, 10]
        Path file = TinyOnnx.write(dir, "flat.onnx", TinyOnnx.identity(new Object[] {1, 10}, DETECT_TWO_CLASSES));

        // when
        ModelException e = assertThrows(ModelException.class, () -> Model.load(ModelSpec.of("m", file)));

        // then
        assertMessage(e, file.toString(), "input 'x' has rank 2 [1, 10]", "needs rank 4, [1, 3, height, width]",
                "Fix:");
    }

    @Test
    void load_fourChannelInput_isRefused() throws Exception {
        // given
        Path file = TinyOnnx.write(dir, "rgba.onnx", TinyOnnx.identity(new Object[] {1, 4, 8, 8}, DETECT_TWO_CLASSES));

        // when
        ModelException e = assertThrows(ModelException.class, () -> Model.load(ModelSpec.of("m", file)));

        // then
        assertMessage(e, "[1, 4, 8, 8]", "3 input channels");
    }

    @Test
    void load_outputWithOtherClassCountThanLabels_namesBoth() throws Exception {
        // given an output [1, 6, 4] (2 classes) and 3 labels
        Path file = TinyModelTest.writeTiny(dir, "tiny.onnx",
                TinyOnnx.metadata("names", "{0: 'a', 1: 'b', 2: 'c'}", "task", "detect"));

        // when
        ModelException e = assertThrows(ModelException.class, () -> Model.load(ModelSpec.of("m", file)));

        // then
        assertMessage(e, file.toString(), "output0[1, 6, 4] holds 2 class scores but 3 labels are known",
                "Fix: give exactly one label per class");
    }

    @Test
    void load_outputThatIsNoDetectionHead_isRefusedByTheDecoder() throws Exception {
        // given an image-to-image model: its output is [1, 3, 8, 8]
        Path file = TinyOnnx.write(dir, "image.onnx", TinyOnnx.identity(new Object[] {1, 3, 8, 8}, DETECT_TWO_CLASSES));

        // when
        ModelException e = assertThrows(ModelException.class, () -> Model.load(ModelSpec.of("m", file)));

        // then
        assertMessage(e, file.toString(), "(decoder yolov8)", "y[1, 3, 8, 8] does not fit [1, 4 + classes, anchors]",
                "Fix: export the model with Ultralytics");
    }

    @Test
    void load_explicitCudaOnCpuBuild_namesTheProviderAndTheFix() throws Exception {
        // given this build's CPU-only ONNX Runtime
        Path file = TinyModelTest.writeTiny(dir, "tiny.onnx", DETECT_TWO_CLASSES);

        // when
        ModelException e = assertThrows(ModelException.class,
                () -> Model.load(ModelSpec.of("m", file).withProvider(Provider.CUDA)));

        // then
        assertMessage(e, file.toString(), "asks for provider cuda, which is not in this ONNX Runtime build (CPU jar)",
                "-Pgpu", "CUDA 12, cuDNN 9", "or set provider: auto or cpu");
    }

    @Test
    void load_explicitTensorrtOnCpuBuild_namesTensorrt10() throws Exception {
        // given
        Path file = TinyModelTest.writeTiny(dir, "tiny.onnx", DETECT_TWO_CLASSES);

        // when
        ModelException e = assertThrows(ModelException.class,
                () -> Model.load(ModelSpec.of("m", file).withProvider(Provider.TENSORRT)));

        // then
        assertMessage(e, "asks for provider tensorrt", "TensorRT 10");
    }

    @Test
    void load_manifestWithUnknownKey_suggestsTheNearest() throws Exception {
        // given
        Path file = TinyModelTest.writeTiny(dir, "tiny.onnx", DETECT_TWO_CLASSES);
        Files.writeString(dir.resolve("tiny.model.yml"), "lables: [a, b]\n");

        // when
        ModelException e = assertThrows(ModelException.class, () -> Model.load(ModelSpec.of("m", file)));

        // then
        assertMessage(e, dir.resolve("tiny.model.yml").toString(), "unknown key 'lables'; did you mean 'labels'?");
    }

    @Test
    void load_manifestInputClashingWithFixedInput_isRefused() throws Exception {
        // given a 64x64 model and a manifest saying 320x320
        Path file = TinyModelTest.writeTiny(dir, "tiny.onnx", DETECT_TWO_CLASSES);
        Files.writeString(dir.resolve("tiny.model.yml"), "input: {width: 320, height: 320}\n");

        // when
        ModelException e = assertThrows(ModelException.class, () -> Model.load(ModelSpec.of("m", file)));

        // then
        assertMessage(e, "sets input 320x320", "fixed input of 64x64", "Fix: remove input from the manifest");
    }

    @Test
    void load_manifestSha256NotMatchingTheFile_namesBothHashes() throws Exception {
        // given
        Path file = TinyModelTest.writeTiny(dir, "tiny.onnx", DETECT_TWO_CLASSES);
        Files.writeString(dir.resolve("tiny.model.yml"), "sha256: " + "a".repeat(64) + "\n");

        // when
        ModelException e = assertThrows(ModelException.class, () -> Model.load(ModelSpec.of("m", file)));

        // then
        assertMessage(e, "but its manifest", "says " + "a".repeat(64), "Fix: the file changed since the manifest");
    }

    private static void assertMessage(ModelException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "message lacks '" + part + "': " + e.getMessage());
        }
    }
}
