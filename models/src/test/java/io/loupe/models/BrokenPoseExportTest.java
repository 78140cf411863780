package io.loupe.models;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

/**
 * The real YOLO11n-pose static-INT8 export whose output quantisation zeroed every score (PROVENANCE: a negative test
 * only). It must load as a pose model from its metadata and give zero poses, without error.
 */
class BrokenPoseExportTest {

    @Test
    void estimate_zeroScorePoseExport_givesNoPosesWithoutError() throws Exception {
        // given
        try (Model model = Model.load(ModelSpec.of("pose",
                        TestData.require("pose/yolo11n_pose_int8qdq_640_BROKEN_SCORES.onnx")).withProvider(Provider.CPU));
                PoseEstimator estimator = model.newPoseEstimator()) {
            assertEquals(ResultKind.POSES, model.resultKind());
            assertEquals(List.of("person"), model.info().labels());
            assertEquals("yolo-pose", model.info().decoder());
            for (String image : List.of("val/000000000113.jpg", "train/000000000086.jpg")) {
                try (Mat picture = imread(TestData.require("pose/coco8-pose/images/" + image).toString())) {
                    // when
                    List<Pose> poses = estimator.estimate(picture);

                    // then
                    assertTrue(poses.isEmpty(), image + ": " + poses);
                }
            }
        }
    }
}
