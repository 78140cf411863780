package io.loupe.models.tflite;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.ModelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the importer says about files it cannot convert: each message names the file, the culprit and the fix. */
class TfliteImportErrorsTest {

    @TempDir
    Path dir;

    @Test
    void toOnnx_truncatedFile_saysTruncatedAndToDownloadAgain() throws Exception {
        // given a valid model cut off after 60 % of its bytes
        byte[] whole = convModel().build(1);
        Path file = dir.resolve("cut.tflite");
        Files.write(file, Arrays.copyOf(whole, whole.length * 6 / 10));

        // when
        ModelException e = assertThrows(ModelException.class, () -> TfliteImporter.toOnnx(file));

        // then
        assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("download or copy the .tflite file again"), e.getMessage());
    }

    @Test
    void toOnnx_fewBytes_saysTheFileIsTooShort() {
        // when
        ModelException e = assertThrows(ModelException.class,
                () -> TfliteImporter.toOnnx(new byte[] {1, 2, 3}, "tiny.tflite"));

        // then
        assertTrue(e.getMessage().contains("only 3 bytes long"), e.getMessage());
    }

    @Test
    void toOnnx_notAFlatbuffer_saysWhatTheIdentifierIs() {
        // when
        ModelException e = assertThrows(ModelException.class, () -> TfliteImporter.toOnnx(
                "ONNX model, really".getBytes(StandardCharsets.US_ASCII), "model.tflite"));

        // then
        assertTrue(e.getMessage().contains("is not a TFLite flatbuffer"), e.getMessage());
        assertTrue(e.getMessage().contains("bytes 4..7 are ' mod'"), e.getMessage());
    }

    @Test
    void toOnnx_unknownOperators_namesEachOperatorAndTheModel() {
        // given SQUARED_DIFFERENCE (twice) and a custom operator
        TinyTflite m = new TinyTflite();
        int in = m.input("x", 1, 4);
        int a = m.tensor("a", 1, 4);
        int b = m.tensor("b", 1, 4);
        int c = m.tensor("c", 1, 4);
        m.op(99, new int[] {in, in}, new int[] {a});
        m.op(99, new int[] {a, in}, new int[] {b});
        m.custom("Convolution2DTransposeBias", new int[] {b}, new int[] {c});

        // when
        ModelException e = assertThrows(ModelException.class,
                () -> TfliteImporter.toOnnx(m.build(c), "hands.tflite"));

        // then
        assertTrue(e.getMessage().contains("TFLite model hands.tflite uses 2 operators"), e.getMessage());
        assertTrue(e.getMessage().contains("SQUARED_DIFFERENCE (first at operator #0, 2 times)"), e.getMessage());
        assertTrue(e.getMessage().contains("CUSTOM 'Convolution2DTransposeBias' (first at operator #2)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("Supported: ADD, AVERAGE_POOL_2D"), e.getMessage());
    }

    @Test
    void toOnnx_int8Weights_saysQuantizedModelsAreNotSupported() {
        // given a convolution whose weights are int8 with a scale (a dynamic-range quantized model)
        TinyTflite m = new TinyTflite();
        int in = m.input("x", 1, 2, 2, 1);
        int w = m.quantizedInt8("w_int8", new int[] {1, 1, 1, 1}, new byte[] {12});
        int out = m.tensor("y", 1, 2, 2, 1);
        m.op(BuiltinOps.CONV_2D, new int[] {in, w}, new int[] {out}, Opts.conv(Opts.SAME, 1, Opts.NONE, 1));

        // when
        ModelException e = assertThrows(ModelException.class,
                () -> TfliteImporter.toOnnx(m.build(out), "quant.tflite"));

        // then
        assertTrue(e.getMessage().contains("TFLite model quant.tflite is quantized"), e.getMessage());
        assertTrue(e.getMessage().contains("'w_int8'"), e.getMessage());
        assertTrue(e.getMessage().contains("quantized (int8/uint8/int16) models are not supported"), e.getMessage());
        assertTrue(e.getMessage().contains("use the float version of the model"), e.getMessage());
    }

    @Test
    void convert_writesAnOnnxFileThatMatchesTheInMemoryModel() throws Exception {
        // given
        Path in = dir.resolve("conv.tflite");
        Files.write(in, convModel().build(1));
        Path out = dir.resolve("out/conv.onnx");

        // when
        TfliteImporter.convert(in, out);

        // then
        assertTrue(Arrays.equals(TfliteImporter.toOnnx(in), Files.readAllBytes(out)));
        assertTrue(TfliteImporter.isTflite(in) && TfliteImporter.isTflite(Path.of("A.TFLITE"))
                && !TfliteImporter.isTflite(out));
    }

    /** image [1,4,4,3] → 1x1 conv → [1,4,4,2] (tensor 1). */
    static TinyTflite convModel() {
        TinyTflite m = new TinyTflite();
        int in = m.input("image", 1, 4, 4, 3);
        int out = m.tensor("y", 1, 4, 4, 2);
        m.op(BuiltinOps.CONV_2D, new int[] {in, m.floats("w", new int[] {2, 1, 1, 3},
            new float[] {1, 2, 3, 4, 5, 6})}, new int[] {out}, Opts.conv(Opts.SAME, 1, Opts.NONE, 1));
        return m;
    }
}
