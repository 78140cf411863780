package io.loupe.pipelines.gait.pose;

import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ResultKind;
import io.loupe.models.decode.DecoderRegistry;
import io.loupe.models.mediapipe.SsdDecoder;
import io.loupe.pipelines.ModelCatalog;
import io.loupe.pipelines.gait.PoseKind;
import io.loupe.pipelines.gait.PoseSettings;

/** Makes the {@link PoseSource} that {@code settings.pose} asks for. */
public final class PoseSources {

    private PoseSources() {
    }

    /**
     * Whether the models fit {@code pose.kind}, without making anything.
     *
     * @param model  the pipeline's own model: a YOLO-pose export, or the BlazePose landmark model
     * @param models the loaded models, for {@code pose.detector}; one that is not there is passed over
     * @throws IllegalArgumentException when they do not; the message names the model and the fix
     */
    public static void check(PoseSettings pose, Model model, ModelCatalog models) {
        if (model == null) {
            throw new IllegalArgumentException("a gait pipeline needs a model: a YOLO-pose export (pose.kind"
                    + " yolo-pose) or a BlazePose landmark model (pose.kind mediapipe)");
        }
        String id = model.info().id();
        String decoder = String.valueOf(model.info().decoder());
        switch (pose.poseKind()) {
            case YOLO_POSE -> {
                if (model.resultKind() != ResultKind.POSES || decoder.equals("blazepose")) {
                    throw new IllegalArgumentException("pose.kind is yolo-pose but model " + id + " (decoder "
                            + decoder + ") is not a YOLO-pose export; configure one, or set pose.kind: mediapipe for a"
                            + " BlazePose landmark model");
                }
            }
            case MEDIAPIPE -> {
                if (!decoder.equals("blazepose")) {
                    throw new IllegalArgumentException("pose.kind is mediapipe but model " + id + " has decoder "
                            + decoder + "; the pipeline's model must be a BlazePose landmark model (decoder blazepose,"
                            + " e.g. pose_landmark_lite), or set pose.kind: yolo-pose");
                }
                models.find(pose.detector()).ifPresent(detector -> checkDetector(pose, detector));
            }
            default -> throw new IllegalStateException("unknown pose kind " + pose.poseKind());
        }
    }

    /** Whether the model is a MediaPipe SSD detector (BlazePose's person detector, BlazeFace). */
    public static boolean isMediaPipeDetector(Model model) {
        return DecoderRegistry.defaults().names(String.valueOf(model.info().decoder()), SsdDecoder.KEY);
    }

    private static void checkDetector(PoseSettings pose, Model detector) {
        ResultKind kind = detector.resultKind();
        if (!isMediaPipeDetector(detector) && kind != ResultKind.DETECTIONS && kind != ResultKind.POSES) {
            throw new IllegalArgumentException("pose.detector " + pose.detector() + " (decoder "
                    + detector.info().decoder() + ") gives no boxes; use the BlazePose detector or a person detector"
                    + " (yolov8, yolox, …)");
        }
    }

    /**
     * @param model  the pipeline's own model: a YOLO-pose export, or the BlazePose landmark model
     * @param models the loaded models, for {@code pose.detector}
     * @throws IllegalArgumentException when the models do not fit the kind ({@link #check}) or the person detector is
     *                                  not loaded; the message names the model and the fix
     */
    public static PoseSource create(PoseSettings pose, Model model, ModelCatalog models) {
        check(pose, model, models);
        if (pose.poseKind() == PoseKind.YOLO_POSE) {
            return new YoloPoseSource(model, pose.minKeypointScore(), pose.minPersonScore());
        }
        Model detector = models.require(pose.detector(), "settings.pose.detector");
        try {
            return isMediaPipeDetector(detector) ? new BlazePoseSource(detector, model)
                    : new BoxedBlazePoseSource(detector, model, pose.minPersonScore());
        } catch (ModelException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
