/**
 * Google MediaPipe's pose and face models, from npm to results.
 *
 * <p>Getting them: {@link io.loupe.models.mediapipe.MediaPipeFetcher} ({@code loupe models fetch}) downloads the
 * pinned {@link io.loupe.models.mediapipe.NpmPackage} tarballs, checks their sha256 and each
 * {@link io.loupe.models.mediapipe.MediaPipeModel}'s, and writes the {@code .tflite} files with a manifest each (so
 * {@code Model.load} knows their decoder and input), the Apache-2.0 licence and a NOTICE. They load through the TFLite
 * importer like any model.
 *
 * <p>Reading them: {@link io.loupe.models.mediapipe.SsdDecoder} (decoder {@code mediapipe-ssd}, aliases
 * {@code blazeface}, {@code blazepose-detector}) decodes the SSD-anchor detectors with
 * {@link io.loupe.models.mediapipe.SsdAnchors} made from MediaPipe's documented
 * {@link io.loupe.models.mediapipe.SsdAnchorOptions}; {@link io.loupe.models.mediapipe.SsdDetector} runs one as
 * MediaPipe does, with {@link io.loupe.models.mediapipe.WeightedNms}. {@link io.loupe.models.mediapipe.BlazePoseDecoder}
 * (decoder {@code blazepose}) reads the landmark models.
 *
 * <p>Using them: {@link io.loupe.models.mediapipe.BlazePoseTracker} is top-down pose for a video stream (detection →
 * rotated crop {@link io.loupe.models.mediapipe.PoseRoi} → landmarks → frame, tracked from frame to frame), each
 * {@link io.loupe.models.mediapipe.BlazePose} judged by a {@link io.loupe.models.mediapipe.BodyCheck} into a
 * {@link io.loupe.models.mediapipe.PoseVerdict} so that partial bodies are reported, not scored, and the lowest row of
 * the person's segmentation mask read by {@code Silhouette} (where the feet meet the floor);
 * {@link io.loupe.models.mediapipe.BlazePose#coco17()} maps to COCO-17. {@link io.loupe.models.mediapipe.FaceBlur} blurs
 * the faces BlazeFace finds.
 */
package io.loupe.models.mediapipe;
