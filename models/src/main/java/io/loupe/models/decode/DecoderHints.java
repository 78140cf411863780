package io.loupe.models.decode;

import java.util.List;

/**
 * What the metadata, the manifest and the graph say beyond the output shapes, for decoders that need it.
 *
 * @param keypoints keypoints per object (Ultralytics {@code kpt_shape[0]}, manifest {@code keypoints}); 0 when unknown
 * @param keypointDims values per keypoint, 2 or 3 ({@code kpt_shape[1]}); 0 when unknown
 * @param strides feature-map strides for grid decoders (manifest {@code strides}); empty for the decoder's default
 * @param softmax true or false to force or forbid a softmax on class scores; null to decide from the values
 * @param anomaly anomaly thresholds from the manifest; {@link AnomalyThresholds#NONE} when absent
 * @param otherOutputs names of the graph's outputs that are not float tensors (e.g. anomalib's boolean
 *     {@code pred_label}); they are not read, but their presence tells what the graph computes
 */
public record DecoderHints(int keypoints, int keypointDims, List<Integer> strides, Boolean softmax,
        AnomalyThresholds anomaly, List<String> otherOutputs) {

    /** Nothing known beyond the shapes. */
    public static final DecoderHints NONE = new DecoderHints(0, 0, List.of(), null, AnomalyThresholds.NONE, List.of());

    public DecoderHints {
        strides = List.copyOf(strides);
        otherOutputs = List.copyOf(otherOutputs);
        if (anomaly == null) {
            anomaly = AnomalyThresholds.NONE;
        }
    }
}
