package io.loupe.models.decode;

import io.loupe.models.ModelException;

/** Makes the {@link Decoder} for one model family after checking that a model's outputs fit it. */
public interface DecoderFactory {

    /** The Ultralytics-style task this decoder serves, e.g. {@code detect}; used when neither manifest nor metadata name one. */
    String task();

    /** Whether the model needs class labels (from metadata or manifest) to be usable with this decoder. */
    default boolean requiresLabels() {
        return true;
    }

    /**
     * Checks the model's outputs and makes a decoder for them. Called once at load (the check) and once per detector.
     *
     * @throws ModelException when the output count, ranks, shapes or the label count do not fit this decoder; the
     *     message names the model file, the shape found, the shape expected and the likely fix
     */
    Decoder create(DecoderContext context) throws ModelException;
}
