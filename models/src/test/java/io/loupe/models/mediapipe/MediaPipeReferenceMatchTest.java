package io.loupe.models.mediapipe;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.Pose;
import io.loupe.models.TensorRunner;
import io.loupe.models.TestData;
import io.loupe.models.runtime.OrtRuntime;
import io.loupe.models.tflite.TfliteImporter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * The MediaPipe {@code .tflite} models from npm, imported by Loupe and run in ONNX Runtime, against the reference ONNX
 * conversions in {@code ../shared/testdata/pose} and {@code ../shared/testdata/face} (checked against TFLite itself,
 * see their PROVENANCE.md), on the same inputs: real crops and frames of the gait videos decoded with FFmpeg, and real
 * photos, prepared by the models' own pre-processing. Landmarks must agree within 1e-3; every other output within 1e-3
 * of its largest value.
 */
class MediaPipeReferenceMatchTest {

    private static final float LANDMARK_TOLERANCE = 1e-3f;
    private static final String SAGITTAL = "video-gait/walk_sagittal_640x352.mp4";
    private static final String TREADMILL = "video-gait/treadmill_legs_480x360.mp4";

    @Test
    void poseLandmarkLite_onRealPersonCrops_matchesTheReferenceConversion() throws Exception {
        landmarksMatch(MediaPipeModel.POSE_LANDMARK_LITE, "pose/mediapipe_pose_landmark_lite_256.onnx");
    }

    @Test
    void poseLandmarkFull_onRealPersonCrops_matchesTheReferenceConversion() throws Exception {
        landmarksMatch(MediaPipeModel.POSE_LANDMARK_FULL, "pose/mediapipe_pose_landmark_full_256.onnx");
    }

    @Test
    void poseDetector_onVideoFrames_matchesTheReferenceConversion() throws Exception {
        // given
        List<Mat> frames = new ArrayList<>(frames(SAGITTAL, 30, 5));
        frames.addAll(frames(TREADMILL, 60, 5));
        try (Reference reference = Reference.open("pose/mediapipe_pose_detection_224.onnx");
                Model model = load(MediaPipeModel.POSE_DETECTOR);
                TensorRunner runner = model.newTensorRunner()) {
            // when each frame goes through the model's letterbox into both models
            for (Mat frame : frames) {
                runner.prepare(frame);
                // then
                assertOutputsMatch(runner, reference, -1);
            }
        } finally {
            frames.forEach(Mat::close);
        }
    }

    @Test
    void faceDetectors_onPhotosAndFrames_matchTheReferenceConversions() throws Exception {
        // given two photos with faces and two video frames
        List<Mat> images = new ArrayList<>(List.of(imread(TestData.require("detection-coco/zidane.jpg").toString()),
                imread(TestData.require("detection-coco/bus.jpg").toString())));
        images.addAll(frames(SAGITTAL, 60, 2));
        try {
            for (Object[] pair : new Object[][] {
                {MediaPipeModel.FACE_SHORT_RANGE, "face/face_detection_short_range.onnx"},
                {MediaPipeModel.FACE_FULL_RANGE, "face/face_detection_full_range.onnx"}}) {
                try (Reference reference = Reference.open((String) pair[1]);
                        Model model = load((MediaPipeModel) pair[0]);
                        TensorRunner runner = model.newTensorRunner()) {
                    for (Mat image : images) {
                        // when
                        runner.prepare(image);
                        // then
                        assertOutputsMatch(runner, reference, -1);
                    }
                }
            }
        } finally {
            images.forEach(Mat::close);
        }
    }

    @Test
    void faceFullRangeSparse_densified_findsZidanesFaceLikeTheDenseModel() throws Exception {
        // given the sparse variant (DENSIFY) and the dense full-range model
        try (Mat photo = imread(TestData.require("detection-coco/zidane.jpg").toString());
                Model sparse = load(MediaPipeModel.FACE_FULL_RANGE_SPARSE);
                Model dense = load(MediaPipeModel.FACE_FULL_RANGE);
                SsdDetector sparseFaces = new SsdDetector(sparse);
                SsdDetector denseFaces = new SsdDetector(dense)) {
            // when
            List<Pose> fromSparse = sparseFaces.detect(photo);
            List<Pose> fromDense = denseFaces.detect(photo);

            // then both put the best face in the same place
            assertEquals(2, fromDense.size(), fromDense.toString());
            assertTrue(!fromSparse.isEmpty(), "the sparse model finds a face");
            assertTrue(iou(fromSparse.get(0), fromDense.get(0)) > 0.8, fromSparse + " vs " + fromDense);
        }
    }

    @Test
    void toOnnx_realModelCutInHalf_saysTruncated() throws Exception {
        // given
        byte[] whole = Files.readAllBytes(MediaPipeTestModels.require(MediaPipeModel.POSE_LANDMARK_LITE));

        // when
        ModelException e = assertThrows(ModelException.class,
                () -> TfliteImporter.toOnnx(Arrays.copyOf(whole, whole.length / 2), "pose_landmark_lite.tflite"));

        // then
        assertTrue(e.getMessage().contains("is truncated or corrupt"), e.getMessage());
    }

    /** Crops of both clips: around the walker (from the BlazePose detector) and the treadmill's centre. */
    private static void landmarksMatch(MediaPipeModel landmarkModel, String referenceFile) throws Exception {
        List<Mat> sagittal = frames(SAGITTAL, 30, 5);
        List<Mat> treadmill = frames(TREADMILL, 60, 5);
        try (Reference reference = Reference.open(referenceFile);
                Model landmarks = load(landmarkModel);
                Model detector = load(MediaPipeModel.POSE_DETECTOR);
                SsdDetector people = new SsdDetector(detector);
                RoiCropper cropper = new RoiCropper(256, 256);
                TensorRunner runner = landmarks.newTensorRunner()) {
            List<PoseRoi> rois = new ArrayList<>();
            for (Mat frame : sagittal) {
                Pose person = people.detect(frame).get(0);
                rois.add(PoseRoi.fromAlignment(person.keypoints().get(0).x(), person.keypoints().get(0).y(),
                        person.keypoints().get(1).x(), person.keypoints().get(1).y(), PoseRoi.SCALE));
            }
            List<Mat> all = new ArrayList<>(sagittal);
            all.addAll(treadmill);
            for (int i = 0; i < all.size(); i++) {
                Mat frame = all.get(i);
                PoseRoi roi = i < rois.size() ? rois.get(i)
                        : new PoseRoi(frame.cols() / 2f, frame.rows() / 2f, frame.rows(), 0f);
                // when
                runner.prepare(cropper.cut(frame, roi));
                // then
                assertOutputsMatch(runner, reference, 0);
            }
        } finally {
            sagittal.forEach(Mat::close);
            treadmill.forEach(Mat::close);
        }
    }

    /**
     * Runs the reference ONNX file on the runner's prepared input and compares every output by position.
     *
     * @param landmarksOutput the output held to {@link #LANDMARK_TOLERANCE} absolutely, or -1
     */
    private static void assertOutputsMatch(TensorRunner runner, Reference reference, int landmarksOutput)
            throws Exception {
        runner.run();
        OrtEnvironment env = OrtRuntime.environment();
        FloatBuffer input = runner.input().duplicate();
        FloatBuffer copy = ByteBuffer.allocateDirect(input.remaining() * 4).order(ByteOrder.nativeOrder())
                .asFloatBuffer().put(input);
        copy.flip();
        OrtSession session = reference.session();
        long[] shape = ((ai.onnxruntime.TensorInfo) session.getInputInfo().values().iterator().next().getInfo())
                .getShape();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, copy, shape);
                OrtSession.Result result = session.run(Map.of(session.getInputNames().iterator().next(), tensor))) {
            assertEquals(result.size(), runner.outputs().size(), "output count");
            for (int i = 0; i < result.size(); i++) {
                FloatBuffer expected = ((OnnxTensor) result.get(i)).getFloatBuffer();
                FloatBuffer actual = runner.output(i);
                float largest = 0f;
                float diff = 0f;
                for (int k = 0; k < expected.remaining(); k++) {
                    largest = Math.max(largest, Math.abs(expected.get(k)));
                    diff = Math.max(diff, Math.abs(expected.get(k) - actual.get(k)));
                }
                float tolerance = i == landmarksOutput ? LANDMARK_TOLERANCE : LANDMARK_TOLERANCE * Math.max(1f, largest);
                assertTrue(diff <= tolerance, reference.file().getFileName() + " output " + i + " ("
                        + runner.outputs().get(i) + "): max difference " + diff + " > " + tolerance);
            }
        }
    }

    /** A session on a reference ONNX file, CPU, one thread. */
    private record Reference(Path file, OrtSession session, OrtSession.SessionOptions options)
            implements AutoCloseable {

        static Reference open(String relative) throws Exception {
            Path file = TestData.require(relative);
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            return new Reference(file, OrtRuntime.environment().createSession(file.toString(), options), options);
        }

        @Override
        public void close() throws Exception {
            session.close();
            options.close();
        }
    }

    static Model load(MediaPipeModel model) throws ModelException {
        return MediaPipeTestModels.load(model.name().toLowerCase(), model);
    }

    private static List<Mat> frames(String video, int every, int count) throws Exception {
        return VideoFrames.read(TestData.require(video), every, count).stream().map(VideoFrames.Indexed::bgr)
                .toList();
    }

    private static float iou(Pose a, Pose b) {
        float w = Math.min(a.box().x2(), b.box().x2()) - Math.max(a.box().x1(), b.box().x1());
        float h = Math.min(a.box().y2(), b.box().y2()) - Math.max(a.box().y1(), b.box().y1());
        if (w <= 0 || h <= 0) {
            return 0f;
        }
        float inter = w * h;
        return inter / (a.box().width() * a.box().height() + b.box().width() * b.box().height() - inter);
    }
}
