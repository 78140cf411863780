package io.loupe.models.decode;

import java.nio.FloatBuffer;

/**
 * Reads one model family's raw outputs into candidate boxes. Made by a {@link DecoderFactory}, which has already
 * checked the output shapes, so decoding itself cannot fail. One instance per detector (it may keep scratch arrays);
 * not thread-safe.
 */
public interface Decoder {

    /**
     * Appends to {@code out} every box scoring at least {@code minScore}, in model-input pixel coordinates; does not
     * clear {@code out} and does not suppress overlaps (that is {@link Nms}'s job).
     *
     * @param outputs the session's outputs in {@link DecoderContext#outputs()} order, each read with absolute gets
     *     (positions are not changed)
     * @param minScore the confidence threshold
     * @param out where boxes are appended
     */
    void decode(FloatBuffer[] outputs, float minScore, Candidates out);
}
