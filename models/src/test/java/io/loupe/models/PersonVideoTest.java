package io.loupe.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Person detectors on frames of the real walking videos, decoded with FFmpeg: the Apache-2.0 YOLOX-style light person
 * detector (192x192, person only, no metadata: a manifest beside a link to it) and YOLOv8n COCO. The sagittal clip has
 * one walker crossing the frame (PROVENANCE: found in the sampled frames until he leaves at the end).
 */
class PersonVideoTest {

    private static final String SAGITTAL = "video-gait/walk_sagittal_640x352.mp4";
    private static final String TREADMILL = "video-gait/treadmill_legs_480x360.mp4";

    @TempDir
    static Path dir;

    private static Model light;
    private static Model yolo;

    @BeforeAll
    static void load() throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        Path file = TestData.linkWithManifest(dir, "detection-coco/light_person_detector_192.onnx",
                "decoder: yolox\nlabels: [person]\nconfidence: 0.4\n");
        light = Model.load(ModelSpec.of("light-person", file).withProvider(Provider.CPU));
        yolo = Model.load(ModelSpec.of("coco", TestData.require("detection-coco/yolov8n_coco_int8dyn_640.onnx"))
                .withProvider(Provider.CPU).withConfidence(0.5f));
    }

    @AfterAll
    static void close() {
        if (light != null) {
            light.close();
        }
        if (yolo != null) {
            yolo.close();
        }
    }

    @Test
    void detect_lightPersonDetectorOnTheSagittalWalk_findsTheWalkerWhileHeIsInView() throws Exception {
        // when every 20th frame up to frame 120 goes through
        List<List<Detection>> frames = detectEvery(light, SAGITTAL, 20, 120);

        // then one tall box each time (the walker fills most of the 352 rows), moving left to right
        assertEquals(7, frames.size());
        float previousCentre = -1;
        for (List<Detection> persons : frames) {
            assertEquals(1, persons.size(), persons.toString());
            Detection walker = persons.get(0);
            assertTrue(walker.height() > 150, walker.toString());
            float centre = (walker.x1() + walker.x2()) / 2;
            assertTrue(centre > previousCentre, "the walker goes right: " + frames);
            previousCentre = centre;
        }
    }

    @Test
    void detect_yolov8OnTheSagittalWalk_agreesWithTheLightDetector() throws Exception {
        // when
        List<List<Detection>> fromYolo = detectEvery(yolo, SAGITTAL, 40, 120);
        List<List<Detection>> fromLight = detectEvery(light, SAGITTAL, 40, 120);

        // then both see one walker, in about the same place
        for (int i = 0; i < fromYolo.size(); i++) {
            List<Detection> persons = fromYolo.get(i).stream().filter(d -> d.label().equals("person")).toList();
            assertEquals(1, persons.size(), fromYolo.get(i).toString());
            Detection a = persons.get(0);
            Detection b = fromLight.get(i).get(0);
            assertTrue(Boxes.iou(a, b.x1(), b.y1(), b.x2(), b.y2()) > 0.5, a + " vs " + b);
        }
    }

    @Test
    void detect_lightPersonDetectorOnTheTreadmillLegs_findsThePartialBody() throws Exception {
        // when
        List<List<Detection>> frames = detectEvery(light, TREADMILL, 60, 300);

        // then the legs are a person in most frames (the clip shows only the lower body)
        long withPerson = frames.stream().filter(persons -> !persons.isEmpty()).count();
        assertTrue(withPerson >= frames.size() - 1, frames.toString());
    }

    /** Decodes the clip and runs every {@code step}-th frame up to {@code last} through a detector of {@code model}. */
    private static List<List<Detection>> detectEvery(Model model, String clip, int step, int last) throws Exception {
        List<List<Detection>> results = new ArrayList<>();
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(TestData.require(clip).toFile());
                OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
                Detector detector = model.newDetector()) {
            grabber.start();
            for (int i = 0; i <= last; i++) {
                Frame frame = grabber.grabImage();
                if (frame == null) {
                    break;
                }
                if (i % step == 0) {
                    Mat bgr = converter.convert(frame);
                    results.add(detector.detect(bgr));
                }
            }
            grabber.stop();
        }
        return results;
    }
}
