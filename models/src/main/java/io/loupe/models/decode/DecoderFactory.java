package io.loupe.models.decode;

import io.loupe.models.ModelException;
import io.loupe.models.preprocess.Preprocessing;

/** Makes the {@link OutputDecoder} for one model family after checking that a model's outputs fit it. */
public interface DecoderFactory {

    /**
     * The task this decoder serves ({@code detect}, {@code pose}, {@code classify}, {@code anomaly}); used when neither
     * manifest nor metadata name one.
     */
    String task();

    /** Whether the model needs class labels (from metadata or manifest) to be usable with this decoder. */
    default boolean requiresLabels() {
        return true;
    }

    /**
     * How this family's exports expect their input, before the manifest's overrides; Ultralytics' letterbox, RGB,
     * 0..1 unless a family says otherwise.
     */
    default Preprocessing preprocessing() {
        return Preprocessing.ULTRALYTICS;
    }

    /**
     * Checks the model's outputs and makes a decoder for them. Called once at load (the check) and once per predictor.
     *
     * @throws ModelException when the output count, ranks, shapes, the label count or the hints do not fit this
     *     decoder; the message names the model file, the shape found, the shape expected and the likely fix
     */
    OutputDecoder create(DecoderContext context) throws ModelException;
}
