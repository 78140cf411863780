/**
 * Loupe's model runtime: ONNX Runtime sessions, execution-provider choice and the detectors built on them.
 *
 * <p>{@link io.loupe.models.Model#load(ModelSpec)} reads an ONNX file (plus its optional {@code NAME.model.yml}
 * manifest), opens one shared {@code OrtSession} on the best provider it can get (recording why faster ones were
 * skipped in {@link io.loupe.models.ModelInfo#providerNotes()}), and runs a warm-up inference. Each worker thread then
 * asks for its own {@link io.loupe.models.Detector}, which composes the pieces of the sub-packages: a
 * {@link io.loupe.models.preprocess.Letterbox}, the session, a {@link io.loupe.models.decode.Decoder} chosen by key from
 * the {@link io.loupe.models.decode.DecoderRegistry}, and {@link io.loupe.models.decode.Nms}.
 *
 * <p>This module knows nothing of cameras, pipelines, MQTT or Micronaut; it takes OpenCV {@code Mat}s.
 */
package io.loupe.models;
