package io.loupe.samples.defect;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_dnn.blobFromImage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.loupe.samples.TestPaths;
import io.loupe.samples.Videos;
import io.loupe.samples.defect.truth.DefectGroundTruth;
import io.loupe.samples.defect.truth.GroundTruthFiles;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo model, run by the real ONNX Runtime over the committed demo video, finds the defects: this is where the
 * numbers in {@code models/zoo/dark-defect.model.yml} come from, and the test keeps them true.
 */
class DemoModelTest {

    private static final Logger LOG = LoggerFactory.getLogger(DemoModelTest.class);
    private static final int SIZE = 640;
    private static final int PAD_TOP = 80;
    private static final double CONFIDENCE = 0.5;
    private static final double NMS_IOU = 0.45;
    private static final double MATCH_IOU = 0.3;

    @Test
    void demoModel_onCommittedDemoVideo_findsTheDefectsAndJudgesThePartsRight() throws Exception {
        // given the committed demo scene and model
        Path scene = TestPaths.demoScene();
        Path video = TestPaths.require(scene.resolve(DefectSceneGenerator.VIDEO), "the committed demo video");
        DefectGroundTruth truth = GroundTruthFiles.read(
                TestPaths.require(scene.resolve(DefectSceneGenerator.TRUTH), "the demo video's ground truth"));
        Path model = TestPaths.require(TestPaths.demoModel(), "the demo model");
        Path manifest = TestPaths.require(model.resolveSibling("dark-defect.model.yml"), "the demo model's manifest");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        DetectionScore score = new DetectionScore(MATCH_IOU);
        long start = System.nanoTime();
        // when every frame is letterboxed 640x480 -> 640x640 (gray 114), RGB / 255, and run
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
             OrtSession session = env.createSession(model.toString(), options);
             Mat padded = new Mat(); Mat blob = new Mat(); Scalar gray = Scalar.all(114);
             Size size = new Size(SIZE, SIZE); Scalar zero = Scalar.all(0)) {
            Map<String, String> metadata = session.getMetadata().getCustomMetadata();
            assertEquals("{0: 'defect'}", metadata.get("names"));
            assertEquals("[640, 640]", metadata.get("imgsz"));
            assertEquals("detect", metadata.get("task"));
            assertEquals("16", metadata.get("stride"));
            assertTrue(metadata.get("description").toLowerCase(java.util.Locale.ROOT).contains("not a trained model"),
                    metadata.get("description"));
            int n = 3 * SIZE * SIZE;
            Videos.Info info = Videos.decode(video, (bgr, index) -> {
                copyMakeBorder(bgr, padded, PAD_TOP, SIZE - bgr.rows() - PAD_TOP, 0, 0, BORDER_CONSTANT, gray);
                blobFromImage(padded, blob, 1 / 255.0, size, zero, true, false, CV_32F);
                FloatBuffer input = new FloatPointer(blob.data()).capacity(n).limit(n).asBuffer();
                try (OnnxTensor tensor = OnnxTensor.createTensor(env, input, new long[] {1, 3, SIZE, SIZE});
                     OrtSession.Result result = session.run(Map.of("images", tensor))) {
                    float[][] out = ((float[][][]) result.get(0).getValue())[0];
                    List<DetectionScore.Detection> found = DetectionScore.decode(out, CONFIDENCE, NMS_IOU, PAD_TOP);
                    score.add(truth.frames().get(index), found);
                } catch (OrtException e) {
                    throw new IllegalStateException("ONNX Runtime failed on frame " + index + ": " + e.getMessage(), e);
                }
            });
            assertEquals(truth.frames().size(), info.frames());
        }
        DetectionScore.Result r = score.result(truth);
        LOG.info("dark-defect on {} ({} frames, {} parts judged) in {} ms: precision {} recall {} (tp {} fp {} fn {}, "
                        + "{} ignored at the frame edge), verdict accuracy {} ({} NG missed, {} OK flagged), "
                        + "recall by class {}", scene, truth.frames().size(), r.parts(),
                (System.nanoTime() - start) / 1_000_000, round(r.precision()), round(r.recall()), r.truePositives(),
                r.falsePositives(), r.falseNegatives(), r.ignored(), round(r.verdictAccuracy()), r.missedNg(),
                r.falseNg(), r.recallByClass());
        // then it finds the defects, with floors kept below what it reaches (see the manifest)
        assertTrue(r.verdictAccuracy() >= 0.9, "verdict accuracy " + r.verdictAccuracy());
        assertTrue(r.recall() >= 0.85, "recall " + r.recall());
        assertTrue(r.precision() >= 0.85, "precision " + r.precision());
        // and the manifest states this very file and these very numbers
        String yml = Files.readString(manifest);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model)));
        assertTrue(yml.contains("sha256: " + sha), "manifest sha256 is stale; the model's is " + sha);
        assertEquals(number(yml, "precision"), round(r.precision()), 0.0015, "manifest precision is stale");
        assertEquals(number(yml, "recall"), round(r.recall()), 0.0015, "manifest recall is stale");
        assertEquals(number(yml, "verdict_accuracy"), round(r.verdictAccuracy()), 0.0015,
                "manifest verdict_accuracy is stale");
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double number(String yml, String key) {
        Matcher m = Pattern.compile("(?m)^\\s+" + key + ": ([0-9.]+)\\s*$").matcher(yml);
        assertTrue(m.find(), "manifest has no '" + key + ":' line under evaluation");
        return Double.parseDouble(m.group(1));
    }
}
