package io.loupe.models.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.TestData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench mains run end to end (with tiny counts; their timings are printed, never asserted). */
class BenchMainsTest {

    @TempDir
    Path dir;

    @Test
    void modelBench_onYolov8n_printsEveryMeasurement() throws Exception {
        // given
        String model = TestData.require("detection-coco/yolov8n_coco_int8dyn_640.onnx").toString();
        String image = TestData.require("detection-coco/bus.jpg").toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        // when
        int code = ModelBench.run(new String[] {"--model", model, "--image", image, "--rounds", "1",
            "--iterations", "2"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        // then
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains("pre-processing 1920x1080 -> 640x640 letterbox, one thread: median"), out);
        assertTrue(out.contains("decode + NMS, 8400 candidates x 80 classes, real output"), out);
        assertTrue(out.contains("decode + NMS, 8400 candidates x 80 classes, dense synthetic output"), out);
        assertTrue(out.contains("ratio runner/bare"), out);
        assertTrue(out.contains("whole detect() of the 1080p frame"), out);
    }

    @Test
    void gpuCheck_withTheCpuStandingIn_runsEveryComparisonAndPasses() throws Exception {
        // given
        String model = TestData.require("detection-coco/yolov8n_coco_int8dyn_640.onnx").toString();
        String image = TestData.require("detection-coco/bus.jpg").toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        // when
        int code = GpuCheck.run(new String[] {"--model", model, "--image", image, "--runs", "2", "--cache",
            dir.toString(), "--cpu-stand-in"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        // then identical providers agree exactly
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains("RESULT: PASS"), out);
        assertTrue(out.contains("OK   cuda (cpu) detections: 4 of the CPU's 4 clear ones"), out);
        assertTrue(out.contains("engine cache checks skipped"), out);
    }

    @Test
    void gpuCheck_onTheCpuBuild_saysToBuildWithPgpu() throws Exception {
        String model = TestData.require("detection-coco/yolov8n_coco_int8dyn_640.onnx").toString();
        String image = TestData.require("detection-coco/bus.jpg").toString();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        int code = GpuCheck.run(new String[] {"--model", model, "--image", image, "--cache", dir.toString()},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, out);
        assertTrue(out.contains("FAIL the ONNX Runtime build has the CUDA and TensorRT providers"), out);
        assertTrue(out.contains("./mvnw -Pgpu"), out);
    }
}
