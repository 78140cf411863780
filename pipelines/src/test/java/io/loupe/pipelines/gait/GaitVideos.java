package io.loupe.pipelines.gait;

import io.loupe.models.Model;
import io.loupe.models.ModelSpec;
import io.loupe.models.Provider;
import io.loupe.models.mediapipe.MediaPipeModel;
import io.loupe.models.mediapipe.MediaPipeTestModels;
import io.loupe.pipelines.ModelCatalog;
import io.loupe.pipelines.PhaseLatencies;
import io.loupe.pipelines.PipelineContext;
import io.loupe.pipelines.TestData;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Gait pipelines over real models for the video tests. */
final class GaitVideos {

    private GaitVideos() {
    }

    /** MediaPipe settings: the pipeline's model is the landmark model, {@code detector} the person detector's id. */
    static GaitSettings mediapipe(String detector) {
        return GaitSettings.defaults().withPose(new PoseSettings("mediapipe", detector, 0.3, 0.4));
    }

    static GaitPipeline create(Model landmarks, Model detector, GaitSettings settings) {
        PipelineContext context = new PipelineContext("gait", "cam", Clock.systemUTC(), new PhaseLatencies(),
                ModelCatalog.of(Map.of(detector.info().id(), detector)));
        return new GaitPipelineFactory().create(context, landmarks, settings);
    }

    static Model blazePoseDetector() throws Exception {
        return MediaPipeTestModels.load("pose-detector", MediaPipeModel.POSE_DETECTOR);
    }

    static Model landmarksLite() throws Exception {
        return MediaPipeTestModels.load("pose-lite", MediaPipeModel.POSE_LANDMARK_LITE);
    }

    /** BlazePose full, the landmark model the appliance's gait configuration runs. */
    static Model landmarksFull() throws Exception {
        return MediaPipeTestModels.load("pose-full", MediaPipeModel.POSE_LANDMARK_FULL);
    }

    /**
     * The Apache-2.0 light person detector from {@code ../shared/testdata} (YOLOX, one class), linked into
     * {@code dir} beside a manifest (the file itself is not copied).
     */
    static Model lightPersonDetector(Path dir) throws Exception {
        Path model = TestData.shared("detection-coco/light_person_detector_192.onnx");
        Path link = Files.createSymbolicLink(dir.resolve("light_person_detector_192.onnx"), model.toAbsolutePath());
        Files.writeString(dir.resolve("light_person_detector_192.model.yml"),
                "decoder: yolox\nlabels: [person]\nconfidence: 0.4\n", StandardCharsets.UTF_8);
        return Model.load(ModelSpec.of("people", link).withProvider(Provider.CPU).withIntraOpThreads(1));
    }
}
