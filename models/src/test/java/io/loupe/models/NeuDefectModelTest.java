package io.loupe.models;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real YOLOv8n fine-tuned on NEU-DET steel defects (6 classes), on NEU-DET images (200x200, gray content). */
class NeuDefectModelTest {

    private static final String MODEL = "detection-defect/neu_det_yolov8n_int8dyn_640.onnx";

    private static Model model;

    @BeforeAll
    static void load() throws ModelException {
        model = Model.load(ModelSpec.of("neu", TestData.require(MODEL)));
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void load_neuExport_hasItsSixLabelsFromMetadata() {
        // then
        assertEquals(List.of("crazing", "inclusion", "patches", "pitted_surface", "rolled-in_scale", "scratches"),
                model.info().labels());
        assertEquals("8.3.241", model.info().version());
        assertEquals("4c4b2d8760b174f38ab3058178059dd01640c043b4dad7a0344326120e1d089b", model.info().sha256());
    }

    @ParameterizedTest
    @ValueSource(strings = {"crazing_1", "inclusion_1", "patches_1", "pitted_surface_1", "rolled-in_scale_1",
        "scratches_1"})
    void detect_neuImage_bestDetectionIsTheDefectInTheFileName(String image) throws ModelException {
        // given the image read as one gray channel (the detector converts it to BGR)
        try (Detector detector = model.newDetector();
                Mat gray = imread(TestData.require("images-defect/neu-det/images/" + image + ".jpg").toString(),
                        IMREAD_GRAYSCALE)) {
            // when
            List<Detection> detections = detector.detect(gray);

            // then
            assertFalse(detections.isEmpty(), image);
            String expected = image.substring(0, image.lastIndexOf('_'));
            assertEquals(expected, detections.get(0).label(), detections.toString());
        }
    }
}
