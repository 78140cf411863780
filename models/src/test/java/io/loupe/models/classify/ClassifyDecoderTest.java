package io.loupe.models.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.ModelException;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.OutputTensor;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifyDecoderTest {

    @Test
    void decode_logits_getASoftmaxThatSumsToOne() {
        float[] p = new float[3];
        new ClassifyDecoder(3, null).decode(new FloatBuffer[] {FloatBuffer.wrap(new float[] {-1f, 3f, 0.5f})}, p);
        assertEquals(1f, p[0] + p[1] + p[2], 1e-6);
        assertTrue(p[1] > 0.9f, java.util.Arrays.toString(p));
    }

    @Test
    void decode_independentSigmoids_areKept() {
        float[] p = new float[2];
        new ClassifyDecoder(2, null).decode(new FloatBuffer[] {FloatBuffer.wrap(new float[] {0.9f, 0.8f})}, p);
        assertArrayEquals(new float[] {0.9f, 0.8f}, p);
    }

    @Test
    void decode_softmaxForbidden_keepsLogits() {
        float[] p = new float[2];
        new ClassifyDecoder(2, false).decode(new FloatBuffer[] {FloatBuffer.wrap(new float[] {4f, -2f})}, p);
        assertArrayEquals(new float[] {4f, -2f}, p);
    }

    @Test
    void factory_labelCountNotMatchingTheOutput_isRefused() {
        DecoderContext context = new DecoderContext(Path.of("/m.onnx"), "classify", 224, 224, List.of("a", "b"),
                List.of(new OutputTensor("output0", new long[] {1, 1000})));
        ModelException e = assertThrows(ModelException.class, () -> ClassifyDecoder.factory().create(context));
        assertTrue(e.getMessage().contains("holds 1000 class scores but 2 labels are known"), e.getMessage());
    }

    @Test
    void factory_featureMapOutput_isNotAClassifier() {
        DecoderContext context = new DecoderContext(Path.of("/m.onnx"), "classify", 224, 224, List.of("a", "b"),
                List.of(new OutputTensor("output0", new long[] {1, 2, 7, 7})));
        ModelException e = assertThrows(ModelException.class, () -> ClassifyDecoder.factory().create(context));
        assertTrue(e.getMessage().contains("does not fit [1, classes]"), e.getMessage());
    }
}
