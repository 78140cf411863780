package io.loupe.pipelines.gait.pose;

import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ResultKind;
import io.loupe.pipelines.ModelCatalog;
import io.loupe.pipelines.gait.PoseKind;
import io.loupe.pipelines.gait.PoseSettings;

import java.util.Set;

/** Makes the {@link PoseSource} that {@code settings.pose} asks for. */
public final class PoseSources {
    /** Decoder keys of the BlazePose (SSD-anchor) person detector. */
    static final Set<String> BLAZEPOSE_DETECTOR = Set.of("mediapipe-ssd", "blazepose-detector");

    private PoseSources() {
    }

    /**
     * Whether the pipeline's own model fits {@code pose.kind}, without making anything.
     *
     * @param model the pipeline's own model: a YOLO-pose export, or the BlazePose landmark model
     * @throws IllegalArgumentException when it does not; the message names the model and the fix
     */
    public static void check(String pipelineId, PoseSettings pose, Model model) {
        if (model == null) {
            throw new IllegalArgumentException("pipeline " + pipelineId + ": a gait pipeline needs a model: a"
                    + " YOLO-pose export (pose.kind yolo-pose) or a BlazePose landmark model (pose.kind mediapipe)");
        }
        String id = model.info().id();
        String decoder = String.valueOf(model.info().decoder());
        switch (pose.poseKind()) {
            case YOLO_POSE -> {
                if (model.resultKind() != ResultKind.POSES || decoder.equals("blazepose")) {
                    throw new IllegalArgumentException("pipeline " + pipelineId + ": pose.kind is yolo-pose but model "
                            + id + " (decoder " + decoder + ") is not a YOLO-pose export; configure one, or set"
                            + " pose.kind: mediapipe for a BlazePose landmark model");
                }
            }
            case MEDIAPIPE -> {
                if (!decoder.equals("blazepose")) {
                    throw new IllegalArgumentException("pipeline " + pipelineId + ": pose.kind is mediapipe but model "
                            + id + " has decoder " + decoder + "; the pipeline's model must be a BlazePose landmark"
                            + " model (decoder blazepose, e.g. pose_landmark_lite), or set pose.kind: yolo-pose");
                }
            }
            default -> throw new IllegalStateException("unknown pose kind " + pose.poseKind());
        }
    }

    /**
     * @param model the pipeline's own model: a YOLO-pose export, or the BlazePose landmark model
     * @throws IllegalArgumentException when the models do not fit the kind ({@link #check}, and the person detector);
     *                                  the message names the model and the fix
     */
    public static PoseSource create(String pipelineId, PoseSettings pose, Model model, ModelCatalog models) {
        check(pipelineId, pose, model);
        if (pose.poseKind() == PoseKind.YOLO_POSE) {
            return new YoloPoseSource(model, pose.minKeypointScore(), pose.minPersonScore());
        }
        Model detector = models.require(pose.detector(), "pipeline " + pipelineId + " settings.pose.detector");
        String detectorDecoder = String.valueOf(detector.info().decoder());
        try {
            if (BLAZEPOSE_DETECTOR.contains(detectorDecoder)) {
                return new BlazePoseSource(detector, model);
            }
            if (detector.resultKind() != ResultKind.DETECTIONS && detector.resultKind() != ResultKind.POSES) {
                throw new IllegalArgumentException("pipeline " + pipelineId + ": pose.detector " + pose.detector()
                        + " (decoder " + detectorDecoder + ") gives no boxes; use the BlazePose detector or a person"
                        + " detector (yolov8, yolox, …)");
            }
            return new BoxedBlazePoseSource(detector, model, pose.minPersonScore());
        } catch (ModelException e) {
            throw new IllegalArgumentException("pipeline " + pipelineId + ": " + e.getMessage(), e);
        }
    }
}
