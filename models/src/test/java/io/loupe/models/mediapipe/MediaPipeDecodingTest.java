package io.loupe.models.mediapipe;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.Detection;
import io.loupe.models.ModelException;
import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.Decoder;
import io.loupe.models.decode.DecoderContext;
import io.loupe.models.decode.OutputTensor;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/** MediaPipe's anchors, box decoding, weighted NMS, crop geometry and the whole-body check, on made-up numbers. */
class MediaPipeDecodingTest {

    @Test
    void anchors_ofMediapipesThreeDetectors_haveTheirDocumentedCountsAndCentres() {
        // when
        SsdAnchors pose = SsdAnchors.generate(SsdAnchorOptions.POSE_DETECTOR_224);
        SsdAnchors shortRange = SsdAnchors.generate(SsdAnchorOptions.FACE_SHORT_RANGE_128);
        SsdAnchors fullRange = SsdAnchors.generate(SsdAnchorOptions.FACE_FULL_RANGE_192);

        // then 28x28x2 + 14x14x2 + 7x7x6, 16x16x2 + 8x8x6, 48x48x1
        assertEquals(2254, pose.count());
        assertEquals(896, shortRange.count());
        assertEquals(2304, fullRange.count());
        assertEquals(0.5f / 28, pose.centreX(0), 1e-7);
        assertEquals(0.5f / 28, pose.centreX(1), 1e-7);
        assertEquals(1.5f / 28, pose.centreX(2), 1e-7);
        assertEquals(0.5f / 14, pose.centreX(1568), 1e-7);
        assertEquals(6.5f / 7, pose.centreY(2253), 1e-7);
        assertEquals(7.5f / 8, shortRange.centreX(895), 1e-7);
        assertEquals(0.5f / 48, fullRange.centreY(0), 1e-7);
        assertEquals(1f, pose.width(100));
    }

    @Test
    void ssdDecoder_regressionRelativeToTheAnchor_givesInputPixelsAndASigmoidScore() {
        // given anchor 2 of the face short-range model (centre (1.5/16, 0.5/16)) moved 10 px right, 24 x 32 px,
        // keypoint 0 at the anchor itself, score logit 2; every other anchor scores a logit of -10
        Decoder decoder = new SsdDecoder(SsdAnchorOptions.FACE_SHORT_RANGE_128, 0, 1);
        float[] regressors = new float[896 * 16];
        float[] scores = new float[896];
        java.util.Arrays.fill(scores, -10f);
        regressors[2 * 16] = 10f;
        regressors[2 * 16 + 2] = 24f;
        regressors[2 * 16 + 3] = 32f;
        scores[2] = 2f;
        Candidates out = new Candidates(4, 6, 2);

        // when
        decoder.decode(new FloatBuffer[] {FloatBuffer.wrap(regressors), FloatBuffer.wrap(scores)}, 0.5f, out);

        // then
        assertEquals(1, out.size());
        float cx = 1.5f / 16 * 128 + 10;
        float cy = 0.5f / 16 * 128;
        assertEquals(cx - 12, out.x1(0), 1e-4);
        assertEquals(cy + 16, out.y2(0), 1e-4);
        assertEquals(1 / (1 + Math.exp(-2)), out.score(0), 1e-6);
        assertEquals(1.5f / 16 * 128, out.keypoint(0, 0, 0), 1e-4);
    }

    @Test
    void weightedNms_overlappingBoxes_mergeIntoTheirScoreWeightedMean() {
        // given two overlapping boxes (0.9, 0.6) and one apart (0.7)
        Candidates in = new Candidates(4, 1, 2);
        in.add(0, 0, 10, 10, 0.9f, 0);
        in.setKeypoint(0, 0, 0, 5f);
        in.add(1, 1, 11, 11, 0.6f, 0);
        in.setKeypoint(1, 0, 0, 8f);
        in.add(50, 50, 60, 60, 0.7f, 0);
        Candidates out = new Candidates(4, 1, 2);

        // when
        int kept = new WeightedNms().run(in, 0.3f, 10, out);

        // then best first; the merged box and keypoint are weighted by score; the score is the best one's
        assertEquals(2, kept);
        assertEquals(0.9f, out.score(0));
        assertEquals(0.6f / 1.5f, out.x1(0), 1e-6);
        assertEquals((0.9f * 5 + 0.6f * 8) / 1.5f, out.keypoint(0, 0, 0), 1e-5);
        assertEquals(50f, out.x1(1));
        assertEquals(0.7f, out.score(1));
    }

    @Test
    void poseRoi_fromHipAndScalePoints_isUprightSquareOrTurnedTowardsTheHead() {
        // when an upright person (scale point 100 px above the hips) and one lying with the head to the right
        PoseRoi upright = PoseRoi.fromAlignment(200, 300, 200, 200, PoseRoi.SCALE);
        PoseRoi lying = PoseRoi.fromAlignment(200, 300, 300, 300, PoseRoi.SCALE);

        // then
        assertEquals(0f, upright.rotation(), 1e-6);
        assertEquals(250f, upright.size(), 1e-4);
        assertEquals((float) (Math.PI / 2), lying.rotation(), 1e-6);
        // the crop's top centre lies towards the head
        assertEquals(200f, upright.frameX(0.5f, 0f), 1e-4);
        assertEquals(175f, upright.frameY(0.5f, 0f), 1e-4);
        assertEquals(325f, lying.frameX(0.5f, 0f), 1e-4);
        assertEquals(300f, lying.frameY(0.5f, 0f), 1e-4);
    }

    @Test
    void poseRoi_cropToFrameMatrix_agreesWithFrameCoordinatesAtPixelCentres() {
        // given a rotated crop of 256 px
        PoseRoi roi = new PoseRoi(320.5f, 180.25f, 300f, 0.7f);
        double[] m = new double[6];

        // when
        roi.cropToFrame(256, 256, m);

        // then crop pixel (i, j), centre (i + 0.5, j + 0.5), lands on the frame pixel whose centre is frameX/Y
        for (int[] p : new int[][] {{0, 0}, {255, 0}, {17, 200}, {128, 128}}) {
            float u = (p[0] + 0.5f) / 256;
            float v = (p[1] + 0.5f) / 256;
            assertEquals(roi.frameX(u, v) - 0.5, m[0] * p[0] + m[1] * p[1] + m[2], 1e-3);
            assertEquals(roi.frameY(u, v) - 0.5, m[3] * p[0] + m[4] * p[1] + m[5], 1e-3);
        }
    }

    @Test
    void bodyCheck_judgesFlagPresenceFrameAndHeatmapEvidence() {
        // given a whole, seen body in a 640x352 frame
        BodyCheck check = BodyCheck.DEFAULT;
        BlazePose whole = pose(0.99f, 1f, 1f, 0f);

        // then
        assertEquals(PoseVerdict.FULL_BODY, check.judge(whole, 640, 352, false).verdict());
        assertEquals(PoseVerdict.NO_PERSON, check.judge(pose(0.3f, 1f, 1f, 0f), 640, 352, false).verdict());
        PoseEstimate unseen = check.judge(pose(0.99f, 1f, -0.8f, 0f), 640, 352, false);
        assertEquals(PoseVerdict.PARTIAL_BODY, unseen.verdict());
        assertTrue(unseen.reason().contains("heatmap evidence -0.80 below 0.00"), unseen.reason());
        PoseEstimate absent = check.judge(pose(0.99f, 0.2f, 1f, 0f), 640, 352, false);
        assertTrue(absent.reason().contains("head, shoulders, hips, knees, ankles not present"), absent.reason());
        PoseEstimate outside = check.judge(pose(0.99f, 1f, 1f, -200f), 640, 352, false);
        assertEquals(PoseVerdict.PARTIAL_BODY, outside.verdict());
        assertTrue(outside.reason().contains("head, shoulders outside the frame"), outside.reason());
        assertEquals(PoseVerdict.FULL_BODY, check.judge(pose(0.99f, 1f, Float.NaN, 0f), 640, 352, false).verdict(),
                "without a heatmap the evidence is not judged");
    }

    @Test
    void coco17FromBlazePose_isMediapipesDocumentedMapping() {
        assertEquals(List.of(0, 2, 5, 7, 8, 11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28),
                java.util.Arrays.stream(BlazePose.COCO17_FROM_BLAZEPOSE).boxed().toList());
    }

    @Test
    void factories_outputsOfAnotherModel_sayWhichShapesTheyNeed() {
        // given a YOLO-like output
        DecoderContext yolo = new DecoderContext(Path.of("yolo.tflite"), "blazeface", 640, 640, List.of(),
                List.of(new OutputTensor("output0", new long[] {1, 84, 8400})));
        DecoderContext odd = new DecoderContext(Path.of("odd.tflite"), "blazeface", 300, 300, List.of(),
                List.of(new OutputTensor("r", new long[] {1, 500, 16}), new OutputTensor("s", new long[] {1, 500, 1})));

        // when
        ModelException ssd = assertThrows(ModelException.class, () -> SsdDecoder.factory().create(yolo));
        ModelException preset = assertThrows(ModelException.class, () -> SsdDecoder.factory().create(odd));
        ModelException landmarks = assertThrows(ModelException.class, () -> BlazePoseDecoder.factory().create(yolo));

        // then
        assertTrue(ssd.getMessage().contains("regressors [1, N, 4 + 2 x keypoints] and scores [1, N, 1]"),
                ssd.getMessage());
        assertTrue(preset.getMessage().contains("no MediaPipe anchor preset for a 300x300 input with 500 anchors"),
                preset.getMessage());
        assertTrue(landmarks.getMessage().contains("landmarks [1, 195] and a pose flag [1, 1]"),
                landmarks.getMessage());
    }

    @Test
    void faceBlur_changesTheWidenedBoxOnly() {
        // given a fine checkerboard
        try (Mat image = new Mat(100, 100, CV_8UC3); UByteIndexer px = image.createIndexer()) {
            for (int y = 0; y < 100; y++) {
                for (int x = 0; x < 100; x++) {
                    for (int c = 0; c < 3; c++) {
                        px.put(y, x, c, ((x + y) % 2) * 255);
                    }
                }
            }

            // when a 20x20 face at (40, 40) is blurred with a 25 % margin
            FaceBlur.apply(image, List.of(new Detection(0, "face", 0.9f, 40, 40, 60, 60)), 0.25f);

            // then its middle is smooth and the far corner untouched
            assertTrue(Math.abs(px.get(50, 50, 0) - px.get(50, 51, 0)) < 40, "blurred inside");
            assertEquals(255, Math.abs(px.get(5, 5, 0) - px.get(5, 6, 0)), "unchanged outside");
            assertEquals(255, Math.abs(px.get(33, 50, 0) - px.get(33, 51, 0)), "unchanged beyond the margin");
        }
    }

    /** A made-up pose: the 33 landmarks spread over a standing person, with the given presence and evidence. */
    private static BlazePose pose(float flag, float presence, float evidence, float headShift) {
        List<Landmark> landmarks = new ArrayList<>();
        for (int i = 0; i < BlazePose.BODY_LANDMARKS; i++) {
            float y = 100 + 6 * i + (i <= BlazePose.RIGHT_SHOULDER ? headShift : 0);
            landmarks.add(new Landmark(300, y, 0, 0.9f, presence, evidence));
        }
        Landmark aux = new Landmark(300, 200, 0, 1, 1, Float.NaN);
        return new BlazePose(landmarks, aux, aux, flag, new PoseRoi(300, 200, 300, 0), Float.NaN);
    }
}
