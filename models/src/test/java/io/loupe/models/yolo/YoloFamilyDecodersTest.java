package io.loupe.models.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.ModelException;
import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.DecoderHints;
import io.loupe.models.decode.OutputTensor;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YOLOv5, YOLOX and YOLO pose decoders on hand-made buffers, and their factories' shape checks. */
class YoloFamilyDecodersTest {

    private final Candidates candidates = new Candidates(4);

    @Test
    void yolov5_decode_scoresObjectnessTimesBestClass() {
        // given two anchors of [cx, cy, w, h, obj, c0, c1]
        FloatBuffer out = FloatBuffer.wrap(new float[] {
            50, 50, 20, 10, 0.9f, 0.3f, 0.6f,
            10, 10, 4, 4, 0.3f, 0.9f, 0.1f
        });

        // when
        new Yolov5Decoder(2, 2).decode(new FloatBuffer[] {out}, 0.25f, candidates);

        // then anchor 0: 0.54 class 1; anchor 1: 0.27 class 0
        assertEquals(2, candidates.size());
        assertEquals(1, candidates.classId(0));
        assertEquals(0.54f, candidates.score(0), 1e-6);
        assertEquals(40f, candidates.x1(0));
        assertEquals(45f, candidates.y1(0));
        assertEquals(0.27f, candidates.score(1), 1e-6);
    }

    @Test
    void yolov5_factory_v8HeadIsRefusedWithTheRightDecoderNamed() {
        ModelException e = assertThrows(ModelException.class,
                () -> Yolov5Decoder.factory().create(context("yolov5", List.of("a", "b"), new long[] {1, 6, 8400})));
        assertTrue(e.getMessage().contains("use decoder yolov8"), e.getMessage());
    }

    @Test
    void yolox_anchorCount_isTheSumOfTheFeatureMaps() {
        assertEquals(3549, YoloxDecoder.anchorCount(416, 416, YoloxDecoder.DEFAULT_STRIDES));
        assertEquals(756, YoloxDecoder.anchorCount(192, 192, YoloxDecoder.DEFAULT_STRIDES));
        assertEquals(8400, YoloxDecoder.anchorCount(640, 640, YoloxDecoder.DEFAULT_STRIDES));
    }

    @Test
    void yolox_decode_placesTheLastAnchorOfEachMapOnItsCell() {
        // given a 32x32 input: 4x4 + 2x2 + 1x1 = 21 anchors; the last one is the single stride-32 cell
        float[] rows = new float[21 * 6];
        int last = 20 * 6;
        rows[last] = 0.5f; // dx
        rows[last + 1] = 0.5f; // dy
        rows[last + 4] = 0.8f; // objectness
        rows[last + 5] = 1f; // the only class

        // when
        new YoloxDecoder(1, 32, 32, YoloxDecoder.DEFAULT_STRIDES).decode(new FloatBuffer[] {FloatBuffer.wrap(rows)},
                0.25f, candidates);

        // then centre (16, 16), size exp(0) * 32
        assertEquals(1, candidates.size());
        assertEquals(0f, candidates.x1(0), 1e-5);
        assertEquals(32f, candidates.x2(0), 1e-5);
        assertEquals(0.8f, candidates.score(0), 1e-6);
    }

    @Test
    void yolox_factory_customStrides_comeFromTheHints() throws ModelException {
        DecoderContext p6 = new DecoderContext(Path.of("/m.onnx"), "yolox", 128, 128, List.of("a"),
                List.of(new OutputTensor("output", new long[] {1, 256 + 64 + 16 + 4, 6})),
                new DecoderHints(0, 0, List.of(8, 16, 32, 64), null, null, List.of()));
        YoloxDecoder decoder = assertInstanceOf(YoloxDecoder.class, YoloxDecoder.factory().create(p6));
        assertEquals(340, decoder.anchors());
    }

    @Test
    void pose_decode_readsKeypointsOfTheKeptAnchorsOnly() {
        // given [1, 4 + 1 + 1 * 3, 2]
        FloatBuffer out = FloatBuffer.wrap(new float[] {
            10, 50, 10, 50, 4, 20, 4, 20, // boxes
            0.2f, 0.9f, // scores
            11, 55, 12, 45, 0.3f, 0.8f // keypoint x, y, visibility
        });
        Candidates withKeypoints = new Candidates(2, 1, 3);

        // when
        new YoloPoseDecoder(1, 2, 1, 3).decode(new FloatBuffer[] {out}, 0.25f, withKeypoints);

        // then
        assertEquals(1, withKeypoints.size());
        assertEquals(55f, withKeypoints.keypoint(0, 0, 0));
        assertEquals(45f, withKeypoints.keypoint(0, 0, 1));
        assertEquals(0.8f, withKeypoints.keypoint(0, 0, 2));
    }

    @Test
    void pose_factory_withoutKptShape_assumesThreeValuesPerKeypoint() throws ModelException {
        YoloPoseDecoder decoder = assertInstanceOf(YoloPoseDecoder.class,
                YoloPoseDecoder.factory().create(context("yolo-pose", List.of("person"), new long[] {1, 56, 8400})));
        assertEquals(17, decoder.keypoints());
        assertEquals(3, decoder.keypointDims());
    }

    @Test
    void pose_factory_kptShapeNotMatchingTheRows_isRefused() {
        DecoderContext context = new DecoderContext(Path.of("/m.onnx"), "yolo-pose", 640, 640, List.of("person"),
                List.of(new OutputTensor("output0", new long[] {1, 56, 8400})),
                new DecoderHints(17, 2, List.of(), null, null, List.of()));
        ModelException e = assertThrows(ModelException.class, () -> YoloPoseDecoder.factory().create(context));
        assertTrue(e.getMessage().contains("has 51 keypoint rows after 4 box rows and 1 class rows, but kpt_shape is"
                + " [17, 2] (34 rows)"), e.getMessage());
    }

    @Test
    void yolov8_factory_poseOutput_pointsAtYoloPose() {
        ModelException e = assertThrows(ModelException.class,
                () -> Yolov8Decoder.factory().create(context("yolov8", List.of("person"), new long[] {1, 56, 8400})));
        assertTrue(e.getMessage().contains("decoder yolo-pose"), e.getMessage());
    }

    private static DecoderContext context(String key, List<String> labels, long[] shape) {
        return new DecoderContext(Path.of("/models/m.onnx"), key, 640, 640, labels,
                List.of(new OutputTensor("output0", shape)));
    }
}
