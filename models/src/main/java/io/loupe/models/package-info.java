/**
 * Loupe's model runtime: ONNX Runtime sessions on the fastest execution provider present, and the predictors built on
 * them.
 *
 * <p>{@link io.loupe.models.Model#load(ModelSpec)} reads an ONNX file, or a TFLite file that
 * {@link io.loupe.models.tflite.TfliteImporter} converts to ONNX in memory (plus its optional {@code NAME.model.yml}
 * manifest), opens one shared {@code OrtSession} on the best provider it can get ({@code auto}: TensorRT, then CUDA,
 * then CPU, recording why each faster one was skipped in {@link io.loupe.models.ModelInfo#providerNotes()}), and runs a
 * warm-up inference, which is also when TensorRT engines are built (and cached, see
 * {@link io.loupe.models.TensorRtOptions}). The decoder chosen by key decides the model's
 * {@link io.loupe.models.ResultKind}, and so its predictors:
 *
 * <ul>
 *   <li>{@link io.loupe.models.Detector}: {@code List<Detection>} ({@code yolov8}/{@code yolo11}, {@code yolov5},
 *       {@code yolox}; pose models give their boxes too);</li>
 *   <li>{@link io.loupe.models.PoseEstimator}: {@code List<Pose>}, each a {@link io.loupe.models.Detection} with its
 *       {@link io.loupe.models.Keypoint}s ({@code yolo-pose});</li>
 *   <li>{@link io.loupe.models.Classifier}: a {@link io.loupe.models.Classification} ({@code classify});</li>
 *   <li>{@link io.loupe.models.AnomalyDetector}: an {@link io.loupe.models.AnomalyResult}, score plus map summary and
 *       the map itself ({@code anomalib}).</li>
 * </ul>
 *
 * <p>Each extends {@link io.loupe.models.Predictor}, whose {@code predict} returns the sealed
 * {@link io.loupe.models.Prediction} ({@link io.loupe.models.Detections}, {@link io.loupe.models.Poses},
 * {@link io.loupe.models.Classification} or {@link io.loupe.models.AnomalyResult}), so that code handling any model
 * (the {@code infer} command) needs one call and one {@code instanceof} per kind. Predictors are per thread and compose
 * the pieces of the sub-packages: a {@link io.loupe.models.preprocess.Preprocessor}, the shared session, a decoder from
 * the {@link io.loupe.models.decode.DecoderRegistry}, and {@link io.loupe.models.decode.Nms}. Two compositions serve
 * many images at once: a {@link io.loupe.models.TiledDetector} slices large images (SAHI-style) and batches the tiles;
 * a {@link io.loupe.models.BatchingRunner} batches frames of several cameras into one run. A
 * {@link io.loupe.models.TensorRunner} gives the raw tensors.
 *
 * <p>This module knows nothing of cameras, pipelines, MQTT or Micronaut; it takes OpenCV {@code Mat}s.
 */
package io.loupe.models;
