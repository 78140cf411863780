package io.loupe.pipelines.gait;

import io.loupe.models.Model;
import io.loupe.pipelines.ModelCatalog;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PipelineContext;
import io.loupe.pipelines.PipelineFactory;
import io.loupe.pipelines.StageChain;
import io.loupe.pipelines.gait.pose.PoseSource;
import io.loupe.pipelines.gait.pose.PoseSources;
import io.loupe.pipelines.gait.pose.RecordingPoseSource;
import io.loupe.pipelines.gait.pose.ReplayedPoseSource;
import io.loupe.pipelines.gait.store.KeypointStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code type: gait} — patient-gait scoring: {@code gait/bouts@v1} (pose, walker, bouts, parameters, score). The
 * pipeline's model is a YOLO-pose export ({@code pose.kind: yolo-pose}) or a BlazePose landmark model
 * ({@code pose.kind: mediapipe}, with {@code pose.detector} naming the person detector under {@code models:}).
 */
public final class GaitPipelineFactory implements PipelineFactory<GaitSettings> {

    @Override
    public String type() {
        return "gait";
    }

    @Override
    public Class<GaitSettings> settingsType() {
        return GaitSettings.class;
    }

    @Override
    public GaitSettings defaultSettings() {
        return GaitSettings.defaults();
    }

    /** The chain alone, without other models (so {@code pose.kind: yolo-pose} only): prefer {@link #create}. */
    @Override
    public StageChain build(String pipelineId, Model model, GaitSettings settings) {
        return create(PipelineContext.of(pipelineId, "unknown"), model, settings).chain();
    }

    /** The person detector of MediaPipe top-down pose ({@code pose.detector}), the face detector that blurs faces. */
    @Override
    public Set<String> extraModels(GaitSettings s) {
        Set<String> ids = new java.util.TreeSet<>();
        if (s.pose().poseKind() == PoseKind.MEDIAPIPE) {
            ids.add(s.pose().detector());
        }
        if (s.privacy().blursFaces()) {
            ids.add(s.privacy().faceDetector());
        }
        return Set.copyOf(ids);
    }

    /**
     * The pose models ({@link PoseSources#check}), and the face detector that blurs faces: one that is not a MediaPipe
     * SSD detector is reported here, while {@link #create} goes on without it and the appliance hides the picture.
     *
     * @throws IllegalArgumentException when a model does not fit its setting; the message names it and the fix
     */
    @Override
    public void checkModels(Model model, GaitSettings s, ModelCatalog models) {
        PoseSources.check(s.pose(), model, models);
        Model face = s.privacy().blursFaces() ? models.find(s.privacy().faceDetector()).orElse(null) : null;
        if (face != null && !PoseSources.isMediaPipeDetector(face)) {
            throw new IllegalArgumentException("privacy.faceDetector " + face.info().id() + " (decoder "
                    + face.info().decoder() + ") is not a MediaPipe face detector, so faces cannot be blurred and the"
                    + " picture would not be shown; use a BlazeFace model (path .../face_detection_short_range.tflite,"
                    + " fetch: mediapipe)");
        }
    }

    /**
     * @throws IllegalArgumentException when the models do not fit {@code pose.kind} (a detector as the pose model, a
     *                                  missing {@code pose.detector}) or the keypoint folder cannot be made; the
     *                                  message names the value and the fix
     */
    @Override
    public GaitPipeline create(PipelineContext context, Model model, GaitSettings s) {
        return create(context, PoseSources.create(s.pose(), model, context.models()),
                ModelRef.of(model.info()), s);
    }

    /**
     * A pipeline on a pose source the caller made ({@link PoseSources#create} wrapped to record what it gives, a
     * recording replayed instead, {@link RecordingPoseSource}, {@link ReplayedPoseSource}, or a walk's true keypoints
     * to measure the analysis alone); {@code model} names what the results came from. The pipeline closes
     * {@code source}, and so does this method when it throws.
     *
     * @throws IllegalArgumentException when the keypoint folder cannot be made; the message names the value and the fix
     */
    public GaitPipeline create(PipelineContext context, PoseSource source, ModelRef model, GaitSettings s) {
        String id = context.pipelineId();
        KeypointStore store = null;
        try {
            // Keypoints stored before storing was switched off still expire and can be deleted on request.
            Path dir = s.privacy().storeDir();
            if (s.privacy().storeKeypoints() || dir != null && Files.isDirectory(dir)) {
                try {
                    store = new KeypointStore(id, s.privacy().storeDir(), s.privacy().retentionDays(),
                            context.clock());
                } catch (IOException e) {
                    throw new IllegalArgumentException("privacy.storeDir " + s.privacy().storeDir()
                            + " cannot be used: " + e.getMessage() + "; make it writable or choose another folder", e);
                }
            }
            return new GaitPipeline(id, context.camera(), s, source, store, model, context.phases());
        } catch (RuntimeException e) {
            source.close();
            if (store != null) {
                store.close();
            }
            throw e;
        }
    }
}
