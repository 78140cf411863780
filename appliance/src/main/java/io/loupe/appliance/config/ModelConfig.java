package io.loupe.appliance.config;

import io.loupe.models.GraphOptimization;
import io.loupe.models.ModelSpec;
import io.loupe.models.Provider;
import io.loupe.models.TensorRtOptions;

import java.nio.file.Path;

/**
 * One model file, shared by every pipeline that names it.
 *
 * @param path           the {@code .onnx} file; a manifest {@code NAME.model.yml} beside it is read too
 * @param decoder        output decoder key ({@code yolov8}, {@code yolov5}, {@code yolox}, {@code yolo-pose},
 *                       {@code classify}, {@code anomalib}); empty to take it from the metadata or manifest
 * @param provider       execution provider: auto, tensorrt, cuda or cpu
 * @param confidence     minimum detection score kept by the decoder; unset: the manifest's, else 0.25
 * @param iou            IoU above which NMS suppresses the weaker box; unset: the manifest's, else 0.45
 * @param intraOpThreads ONNX Runtime intra-op threads; 0 for its default
 * @param interOpThreads ONNX Runtime inter-op threads; above 1 runs independent graph branches in parallel
 * @param optimization   ONNX Runtime graph optimisation level: disable, basic, extended, all
 * @param tensorRt       TensorRT options: fp16, int8 with a calibration table, engine cache folder, device
 * @param maxBatch       the largest batch the model runs with (tiles, several cameras); above 1 needs a dynamic batch axis
 * @param fetch          {@code mediapipe}: when {@code path} does not exist yet, get it at start from the npm registry
 *                       at MediaPipe's pinned version, checked against its sha256 (as {@code loupe models fetch}
 *                       does); the file name must be one of MediaPipe's models. Empty: the file must exist
 */
public record ModelConfig(@Required Path path, String decoder, Provider provider, double confidence, double iou,
                          int intraOpThreads, int interOpThreads, GraphOptimization optimization,
                          TensorRtOptions tensorRt, int maxBatch, String fetch) {

    public static ModelConfig defaults() {
        return new ModelConfig(null, null, Provider.AUTO, Double.NaN, Double.NaN, 0, 0, GraphOptimization.ALL,
                TensorRtOptions.defaults(), 1, "");
    }

    /** The runtime's view of this model. */
    ModelSpec spec(String id) {
        return new ModelSpec(id, path, decoder == null || decoder.isBlank() ? null : decoder.trim(), provider,
                (float) confidence, (float) iou, intraOpThreads, interOpThreads, optimization, tensorRt, maxBatch);
    }
}
