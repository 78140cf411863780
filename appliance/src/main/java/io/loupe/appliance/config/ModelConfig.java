package io.loupe.appliance.config;

import io.loupe.models.Provider;

import java.nio.file.Path;

/**
 * One model file, shared by every pipeline that names it.
 *
 * @param path           the {@code .onnx} file; a manifest {@code NAME.model.yml} beside it is read too
 * @param decoder        output decoder key; empty to take it from the metadata or manifest
 * @param provider       execution provider: auto, tensorrt, cuda or cpu
 * @param confidence     minimum detection score kept by the decoder; unset: the manifest's, else 0.25
 * @param iou            IoU above which NMS suppresses the weaker box; unset: the manifest's, else 0.45
 * @param intraOpThreads ONNX Runtime intra-op threads; 0 for its default
 */
public record ModelConfig(@Required Path path, String decoder, Provider provider, double confidence, double iou,
                          int intraOpThreads) {

    public static ModelConfig defaults() {
        return new ModelConfig(null, null, Provider.AUTO, Double.NaN, Double.NaN, 0);
    }
}
