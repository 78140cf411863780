package io.loupe.models.decode;

import java.nio.FloatBuffer;

/** Reads a classifier's raw output into one probability per class. Not thread-safe: one per classifier. */
public non-sealed interface ClassDecoder extends OutputDecoder {

    /** Number of classes. */
    int classes();

    /**
     * Writes the probability of each class into {@code probabilities}.
     *
     * @param outputs the session's outputs for one image, read with absolute gets from index 0
     * @param probabilities at least {@link #classes()} long; index = class id
     */
    void decode(FloatBuffer[] outputs, float[] probabilities);
}
