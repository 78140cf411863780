package io.loupe.models.tflite;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.Classification;
import io.loupe.models.Classifier;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ModelSpec;
import io.loupe.models.Provider;
import io.loupe.models.metadata.ModelManifest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model path ending in {@code .tflite} goes through {@link Model#load} like an {@code .onnx} one. */
class TfliteModelLoadTest {

    @TempDir
    Path dir;

    @Test
    void load_tfliteWithManifest_classifiesLikeAnOnnxModel() throws Exception {
        // given a tiny TFLite classifier (identity 1x1 conv → MEAN → SOFTMAX over RGB) and its manifest beside it
        Path file = dir.resolve("colours.tflite");
        Files.write(file, colourClassifier());
        Files.writeString(dir.resolve("colours.model.yml"), "decoder: classify\nlabels: [red, green, blue]\n"
                + "preprocess: {resize: stretch}\n", StandardCharsets.UTF_8);

        // when
        try (Model model = Model.load(ModelSpec.of("colours", file).withProvider(Provider.CPU));
                Classifier classifier = model.newClassifier();
                Scalar bgr = new Scalar(40, 30, 250, 0);
                Mat red = new Mat(20, 30, CV_8UC3, bgr)) {
            Classification result = classifier.classify(red);

            // then
            assertEquals("red", result.top().get(0).label());
            assertEquals("colours", model.info().name());
            assertEquals(8, model.info().inputWidth());
            assertEquals(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file))), model.info().sha256());
            float expected = (float) (Math.exp(250 / 255.0) / (Math.exp(250 / 255.0) + Math.exp(30 / 255.0)
                    + Math.exp(40 / 255.0)));
            assertEquals(expected, result.top().get(0).score(), 1e-4);
        }
    }

    @Test
    void load_truncatedTflite_isAModelExceptionThatSaysTruncated() throws Exception {
        // given
        byte[] whole = colourClassifier();
        Path file = dir.resolve("cut.tflite");
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        // when
        ModelException e = assertThrows(ModelException.class,
                () -> Model.load(ModelSpec.of("cut", file).withDecoder("classify").withProvider(Provider.CPU)));

        // then
        assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
    }

    @Test
    void manifestFileFor_tflite_dropsTheExtension() {
        assertEquals(Path.of("zoo/pose.model.yml"), ModelManifest.fileFor(Path.of("zoo/pose.tflite")));
        assertEquals("pose", ModelManifest.stem(Path.of("zoo/pose.TFLITE")));
    }

    /** image [1,8,8,3] → identity 1x1 conv → MEAN over H, W → SOFTMAX → [1,3]. */
    private static byte[] colourClassifier() {
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 8, 8, 3);
        int conv = m.tensor("conv", 1, 8, 8, 3);
        m.op(BuiltinOps.CONV_2D, new int[] {in, m.floats("w", new int[] {3, 1, 1, 3},
            new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1})}, new int[] {conv}, Opts.conv(Opts.SAME, 1, Opts.NONE, 1));
        int mean = m.tensor("mean", 1, 3);
        m.op(BuiltinOps.MEAN, new int[] {conv, m.ints("axes", new int[] {2}, 1, 2)}, new int[] {mean},
                Opts.keepDims(false));
        int out = m.tensor("probabilities", 1, 3);
        m.op(BuiltinOps.SOFTMAX, new int[] {mean}, new int[] {out}, Opts.softmax(1f));
        return m.build(out);
    }
}
