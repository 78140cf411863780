package io.loupe.models.mediapipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.loupe.models.Detection;
import io.loupe.models.Detector;
import io.loupe.models.Keypoint;
import io.loupe.models.Model;
import io.loupe.models.ModelSpec;
import io.loupe.models.Provider;
import io.loupe.models.TensorRunner;
import io.loupe.models.TestData;
import io.loupe.models.runtime.OrtRuntime;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Top-down BlazePose ({@link BlazePoseTracker}, MediaPipe models from npm through the TFLite importer) on the real gait
 * clips decoded with FFmpeg: the sagittal walker is found in every frame while in view, with hips, knees and ankles
 * where the reference ONNX conversion puts them on the same crops; on the legs-only treadmill clip the subject is
 * reported as a partial body (or no person), never as a whole one, even where the full model's pose flag is above 0.9.
 */
class BlazePoseVideoTest {

    private static final String SAGITTAL = "video-gait/walk_sagittal_640x352.mp4";
    private static final String TREADMILL = "video-gait/treadmill_legs_480x360.mp4";
    /** The walker is wholly in view up to about frame 133 of 145 (then he walks out on the right). */
    private static final int WALKER_IN_VIEW_UNTIL = 130;
    /** Largest distance (frame pixels) allowed between a landmark and the reference conversion's. */
    private static final float LANDMARK_PIXELS = 0.05f;
    private static final int[] LEGS = {BlazePose.LEFT_HIP, BlazePose.RIGHT_HIP, BlazePose.LEFT_KNEE,
        BlazePose.RIGHT_KNEE, BlazePose.LEFT_ANKLE, BlazePose.RIGHT_ANKLE};

    @TempDir
    static Path dir;

    @Test
    void tracker_onTheSagittalWalk_findsTheWalkerInEveryFrameWhereTheReferencePutsHisLegs() throws Exception {
        // given the BlazePose detector and the lite landmark model (imported) and the reference conversion
        List<VideoFrames.Indexed> frames = VideoFrames.read(TestData.require(SAGITTAL), 1, WALKER_IN_VIEW_UNTIL + 1);
        Path reference = TestData.require("pose/mediapipe_pose_landmark_lite_256.onnx");
        try (Model detector = MediaPipeReferenceMatchTest.load(MediaPipeModel.POSE_DETECTOR);
                Model landmarks = MediaPipeReferenceMatchTest.load(MediaPipeModel.POSE_LANDMARK_LITE);
                BlazePoseTracker tracker = new BlazePoseTracker(detector, landmarks, BodyCheck.DEFAULT);
                RoiCropper cropper = new RoiCropper(256, 256);
                TensorRunner crops = landmarks.newTensorRunner();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession referenceSession = OrtRuntime.environment().createSession(reference.toString(),
                    options)) {
                float worst = 0f;
                float leastEvidence = Float.MAX_VALUE;
                int tracked = 0;
                for (VideoFrames.Indexed frame : frames) {
                    // when
                    PoseEstimate estimate = tracker.estimate(frame.bgr());

                    // then a whole body ...
                    assertEquals(PoseVerdict.FULL_BODY, estimate.verdict(), "frame " + frame.index() + ": "
                            + estimate.reason());
                    BlazePose pose = estimate.pose();
                    leastEvidence = Math.min(leastEvidence, BodyCheck.upperBodyEvidence(pose));
                    tracked += estimate.tracked() ? 1 : 0;
                    // ... whose hips, knees and ankles are where the reference model puts them on the same crop
                    crops.prepare(cropper.cut(frame.bgr(), estimate.roi()));
                    float[] expected = referenceLandmarks(referenceSession, crops.input());
                    for (int k : LEGS) {
                        float x = estimate.roi().frameX(expected[5 * k] / 256f, expected[5 * k + 1] / 256f);
                        float y = estimate.roi().frameY(expected[5 * k] / 256f, expected[5 * k + 1] / 256f);
                        float distance = (float) Math.hypot(x - pose.landmark(k).x(), y - pose.landmark(k).y());
                        worst = Math.max(worst, distance);
                        assertTrue(distance <= LANDMARK_PIXELS, "frame " + frame.index() + " landmark " + k
                                + " is " + distance + " px from the reference's");
                    }
                }
                System.out.printf("Sagittal walk: %d frames whole-body (%d tracked from the previous frame), legs"
                        + " within %.4f px of the reference conversion, least upper-body evidence %.2f%n",
                        frames.size(), tracked, worst, leastEvidence);
                assertTrue(tracked > frames.size() / 2, "MediaPipe-style tracking reuses the previous landmarks");
            }
        } finally {
            VideoFrames.close(frames);
        }
    }

    @Test
    void tracker_fullModelOnTheSagittalWalk_agreesWithTheLiteModel() throws Exception {
        // given
        List<VideoFrames.Indexed> frames = VideoFrames.read(TestData.require(SAGITTAL), 10, 14);
        try (Model detector = MediaPipeReferenceMatchTest.load(MediaPipeModel.POSE_DETECTOR);
                Model lite = MediaPipeReferenceMatchTest.load(MediaPipeModel.POSE_LANDMARK_LITE);
                Model full = MediaPipeReferenceMatchTest.load(MediaPipeModel.POSE_LANDMARK_FULL);
                BlazePoseTracker liteTracker = new BlazePoseTracker(detector, lite, BodyCheck.DEFAULT);
                BlazePoseTracker fullTracker = new BlazePoseTracker(detector, full, BodyCheck.DEFAULT)) {
            for (VideoFrames.Indexed frame : frames) {
                // when
                PoseEstimate a = liteTracker.estimate(frame.bgr());
                PoseEstimate b = fullTracker.estimate(frame.bgr());

                // then both see the whole walker and put his hips and ankles within a few pixels of each other
                assertEquals(PoseVerdict.FULL_BODY, a.verdict(), "lite, frame " + frame.index() + ": " + a.reason());
                assertEquals(PoseVerdict.FULL_BODY, b.verdict(), "full, frame " + frame.index() + ": " + b.reason());
                for (int k : new int[] {BlazePose.LEFT_HIP, BlazePose.RIGHT_HIP, BlazePose.LEFT_ANKLE,
                    BlazePose.RIGHT_ANKLE}) {
                    double d = Math.hypot(a.pose().landmark(k).x() - b.pose().landmark(k).x(),
                            a.pose().landmark(k).y() - b.pose().landmark(k).y());
                    assertTrue(d < 25, "frame " + frame.index() + " landmark " + k + ": lite and full " + d
                            + " px apart");
                }
            }
        } finally {
            VideoFrames.close(frames);
        }
    }

    @Test
    void tracker_onTheLegsOnlyTreadmillClip_reportsAPartialBodyNeverAWholeOne() throws Exception {
        // given the legs of the treadmill subject, boxed by the Apache-2.0 light person detector (the tallest box)
        Path light = TestData.linkWithManifest(dir, "detection-coco/light_person_detector_192.onnx",
                "decoder: yolox\nlabels: [person]\nconfidence: 0.4\n");
        List<VideoFrames.Indexed> frames = VideoFrames.read(TestData.require(TREADMILL), 10, 37);
        try (Model people = Model.load(ModelSpec.of("light", light).withProvider(Provider.CPU));
                Detector boxes = people.newDetector();
                Model lite = MediaPipeReferenceMatchTest.load(MediaPipeModel.POSE_LANDMARK_LITE);
                Model full = MediaPipeReferenceMatchTest.load(MediaPipeModel.POSE_LANDMARK_FULL);
                BlazePoseTracker liteTracker = new BlazePoseTracker(null, lite, BodyCheck.DEFAULT);
                BlazePoseTracker fullTracker = new BlazePoseTracker(null, full, BodyCheck.DEFAULT)) {
            int judged = 0;
            int partial = 0;
            int partialDespiteHighFlag = 0;
            float mostEvidence = -Float.MAX_VALUE;
            for (VideoFrames.Indexed frame : frames) {
                Detection legs = boxes.detect(frame.bgr()).stream()
                        .max(Comparator.comparing(Detection::height)).orElse(null);
                if (legs == null || legs.height() < 0.6f * frame.bgr().rows()) {
                    continue;
                }
                for (BlazePoseTracker tracker : List.of(liteTracker, fullTracker)) {
                    // when
                    PoseEstimate estimate = tracker.estimate(frame.bgr(), legs);

                    // then
                    judged++;
                    assertTrue(estimate.verdict() != PoseVerdict.FULL_BODY, "frame " + frame.index()
                            + ": the legs-only subject was taken for a whole body (" + estimate.reason() + ")");
                    mostEvidence = Math.max(mostEvidence, BodyCheck.upperBodyEvidence(estimate.pose()));
                    if (estimate.verdict() == PoseVerdict.PARTIAL_BODY) {
                        partial++;
                        partialDespiteHighFlag += estimate.pose().poseFlag() >= 0.9f ? 1 : 0;
                    }
                }
            }
            System.out.printf("Treadmill legs: %d estimates, %d partial body (%d with pose flag >= 0.9), the rest no"
                    + " person; most upper-body evidence %.2f%n", judged, partial, partialDespiteHighFlag,
                    mostEvidence);
            assertTrue(judged >= 40, "the legs were boxed in most sampled frames: " + judged);
            assertTrue(partial >= judged / 4, "the partial body is reported: " + partial + " of " + judged);
            assertTrue(partialDespiteHighFlag >= 1, "some legs-only crops score a pose flag >= 0.9");
        } finally {
            VideoFrames.close(frames);
        }
    }

    @Test
    void coco17_ofATrackedWalker_takesTheBlazePoseJointsInCocoOrder() throws Exception {
        // given
        List<VideoFrames.Indexed> frames = VideoFrames.read(TestData.require(SAGITTAL), 1, 1);
        try (Model detector = MediaPipeReferenceMatchTest.load(MediaPipeModel.POSE_DETECTOR);
                Model landmarks = MediaPipeReferenceMatchTest.load(MediaPipeModel.POSE_LANDMARK_LITE);
                BlazePoseTracker tracker = new BlazePoseTracker(detector, landmarks, BodyCheck.DEFAULT)) {
            BlazePose pose = tracker.estimate(frames.get(0).bgr()).pose();

            // when
            List<Keypoint> coco = pose.coco17();

            // then nose first, ankles last, hips at 11 and 12; the box bounds the body, scored by the pose flag
            assertEquals(17, coco.size());
            assertEquals(pose.landmark(BlazePose.NOSE).x(), coco.get(0).x());
            assertEquals(pose.landmark(BlazePose.LEFT_HIP).y(), coco.get(11).y());
            assertEquals(pose.landmark(BlazePose.RIGHT_ANKLE).x(), coco.get(16).x());
            assertEquals(pose.landmark(BlazePose.RIGHT_ANKLE).visibility(), coco.get(16).score());
            Detection box = pose.toCocoPose().box();
            assertTrue(box.y1() <= coco.get(0).y() && box.y2() >= coco.get(16).y(), box.toString());
            assertEquals(pose.poseFlag(), box.score());
        } finally {
            VideoFrames.close(frames);
        }
    }

    /** The reference model's 195 landmark values for an input tensor. */
    private static float[] referenceLandmarks(OrtSession session, FloatBuffer input) throws Exception {
        OrtEnvironment env = OrtRuntime.environment();
        FloatBuffer copy = ByteBuffer.allocateDirect(input.remaining() * 4).order(ByteOrder.nativeOrder())
                .asFloatBuffer().put(input.duplicate());
        copy.flip();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, copy, new long[] {1, 3, 256, 256});
                OrtSession.Result result = session.run(Map.of("input", tensor))) {
            FloatBuffer landmarks = ((OnnxTensor) result.get("landmarks").orElseThrow()).getFloatBuffer();
            float[] values = new float[landmarks.remaining()];
            landmarks.get(values);
            return values;
        }
    }
}
