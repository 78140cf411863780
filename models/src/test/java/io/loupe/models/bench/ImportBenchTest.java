package io.loupe.models.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.TestData;
import io.loupe.models.mediapipe.MediaPipeModel;
import io.loupe.models.mediapipe.MediaPipeTestModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The printed benchmark of the issue: the imported lite landmark model against the reference ONNX file, one thread,
 * medians of alternated rounds. Timings are printed, never asserted (they depend on the machine's load).
 */
class ImportBenchTest {

    @Test
    void importBench_liteLandmarkModel_printsBothMediansAndTheirRatio() throws Exception {
        // given
        String tflite = MediaPipeTestModels.require(MediaPipeModel.POSE_LANDMARK_LITE).toString();
        String onnx = TestData.require("pose/mediapipe_pose_landmark_lite_256.onnx").toString();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        // when
        int code = ImportBench.run(new String[] {"--tflite", tflite, "--onnx", onnx, "--threads", "1",
            "--rounds", "7", "--iterations", "10"}, new PrintStream(printed, true, StandardCharsets.UTF_8));

        // then
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertEquals(0, code, text);
        assertTrue(text.contains("ratio imported / other"), text);
    }
}
