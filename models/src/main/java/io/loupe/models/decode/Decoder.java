package io.loupe.models.decode;

import java.nio.FloatBuffer;

/**
 * Reads one detection family's raw outputs into candidate boxes (and, for pose models, their keypoints). Made by a
 * {@link DecoderFactory}, which has already checked the output shapes, so decoding itself cannot fail. One instance per
 * detector (it may keep scratch arrays); not thread-safe.
 */
public non-sealed interface Decoder extends OutputDecoder {

    /**
     * Appends to {@code out} every box scoring at least {@code minScore}, in model-input pixel coordinates; does not
     * clear {@code out} and does not suppress overlaps (that is {@link Nms}'s job).
     *
     * @param outputs the session's outputs in {@link DecoderContext#outputs()} order, for one image, each read with
     *     absolute gets from index 0 (positions are not changed)
     * @param minScore the confidence threshold
     * @param out where boxes are appended; for a decoder with keypoints it must hold {@link #keypoints()} keypoints of
     *     {@link #keypointDims()} values per box
     */
    void decode(FloatBuffer[] outputs, float minScore, Candidates out);

    /** Keypoints per box; 0 for a plain detector. */
    default int keypoints() {
        return 0;
    }

    /** Values per keypoint: 2 (x, y) or 3 (x, y, visibility); 0 for a plain detector. */
    default int keypointDims() {
        return 0;
    }
}
