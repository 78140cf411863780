package io.loupe.models.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.ModelException;
import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.Nms;
import io.loupe.models.decode.OutputTensor;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decoder and NMS on hand-made output tensors [1, 4 + classes, anchors] with known answers. */
class Yolov8DecoderTest {

    private final Candidates candidates = new Candidates(4);
    private final Nms nms = new Nms();

    @Test
    void decode_twoOverlappingBoxesOfOneClass_giveOneDetection() {
        // given anchors 0 and 1: nearly the same box, both class 1
        FloatBuffer output = output(2, new float[][] {
            {100, 102}, {50, 50}, {40, 40}, {20, 20}, // cx, cy, w, h
            {0.1f, 0.2f}, // class 0
            {0.9f, 0.8f} // class 1
        });

        // when
        int kept = decodeAndSuppress(output, 2, 2, 0.25f);

        // then anchor 0, as corners
        assertEquals(1, kept);
        int i = nms.kept(0);
        assertEquals(1, candidates.classId(i));
        assertEquals(0.9f, candidates.score(i));
        assertEquals(80f, candidates.x1(i));
        assertEquals(40f, candidates.y1(i));
        assertEquals(120f, candidates.x2(i));
        assertEquals(60f, candidates.y2(i));
    }

    @Test
    void decode_overlappingBoxesOfDifferentClasses_areBothKept() {
        // given
        FloatBuffer output = output(2, new float[][] {
            {100, 102}, {50, 50}, {40, 40}, {20, 20},
            {0.7f, 0.2f},
            {0.1f, 0.8f}
        });

        // when
        int kept = decodeAndSuppress(output, 2, 2, 0.25f);

        // then best first
        assertEquals(2, kept);
        assertEquals(1, candidates.classId(nms.kept(0)));
        assertEquals(0, candidates.classId(nms.kept(1)));
    }

    @Test
    void decode_scoresBelowConfidence_giveNothing() {
        // given
        FloatBuffer output = output(3, new float[][] {
            {10, 20, 30}, {10, 20, 30}, {5, 5, 5}, {5, 5, 5},
            {0.24f, 0.1f, 0f},
            {0.2f, 0.249f, 0.01f},
            {0.05f, 0.0f, 0.2f}
        });

        // when
        int kept = decodeAndSuppress(output, 3, 3, 0.25f);

        // then
        assertEquals(0, candidates.size());
        assertEquals(0, kept);
    }

    @Test
    void decode_takesTheBestClassOfEachAnchor() {
        // given one anchor whose best score is class 2 of 3
        FloatBuffer output = output(1, new float[][] {{10}, {10}, {4}, {4}, {0.3f}, {0.1f}, {0.6f}});

        // when
        new Yolov8Decoder(3, 1).decode(new FloatBuffer[] {output}, 0.25f, candidates);

        // then
        assertEquals(1, candidates.size());
        assertEquals(2, candidates.classId(0));
        assertEquals(0.6f, candidates.score(0));
    }

    @Test
    void factory_fittingOutput_makesADecoderOfThatSize() throws ModelException {
        // when
        var decoder = Yolov8Decoder.factory().create(context(List.of("a", "b"), new long[] {1, 6, 8400}));

        // then
        Yolov8Decoder yolo = assertInstanceOf(Yolov8Decoder.class, decoder);
        assertEquals(2, yolo.classes());
        assertEquals(8400, yolo.anchors());
    }

    @Test
    void factory_endToEndNmsExport_isRefusedWithTheHint() {
        ModelException e = assertThrows(ModelException.class,
                () -> Yolov8Decoder.factory().create(context(List.of("a", "b"), new long[] {1, 300, 6})));
        assertTrue(e.getMessage().contains("output0[1, 300, 6] holds 296 class scores but 2 labels are known"),
                e.getMessage());
        assertTrue(e.getMessage().contains("re-export with nms=False"), e.getMessage());
    }

    @Test
    void factory_transposedOutput_isRefusedWithTheHint() {
        ModelException e = assertThrows(ModelException.class,
                () -> Yolov8Decoder.factory().create(context(List.of("a", "b"), new long[] {1, 8400, 6})));
        assertTrue(e.getMessage().contains("it looks transposed"), e.getMessage());
        assertTrue(e.getMessage().contains("/models/m.onnx (decoder yolov8)"), e.getMessage());
    }

    @Test
    void factory_twoOutputs_isRefused() {
        DecoderContext two = new DecoderContext(Path.of("/models/seg.onnx"), "yolov8", 640, 640, List.of("a"),
                List.of(new OutputTensor("output0", new long[] {1, 37, 8400}),
                        new OutputTensor("output1", new long[] {1, 32, 160, 160})));
        ModelException e = assertThrows(ModelException.class, () -> Yolov8Decoder.factory().create(two));
        assertTrue(e.getMessage().contains("has 2 outputs"), e.getMessage());
    }

    private int decodeAndSuppress(FloatBuffer output, int classes, int anchors, float confidence) {
        candidates.clear();
        new Yolov8Decoder(classes, anchors).decode(new FloatBuffer[] {output}, confidence, candidates);
        return nms.run(candidates, 0.45f, Nms.DEFAULT_MAX_DETECTIONS);
    }

    /** Builds [1, rows, anchors] from rows of per-anchor values. */
    private static FloatBuffer output(int anchors, float[][] rows) {
        FloatBuffer buffer = FloatBuffer.allocate(rows.length * anchors);
        for (float[] row : rows) {
            assertEquals(anchors, row.length);
            buffer.put(row);
        }
        return buffer.flip();
    }

    private static DecoderContext context(List<String> labels, long[] shape) {
        return new DecoderContext(Path.of("/models/m.onnx"), "yolov8", 640, 640, labels,
                List.of(new OutputTensor("output0", shape)));
    }
}
