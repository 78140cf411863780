package io.loupe.models.tflite;

import io.loupe.models.ModelException;

/**
 * Turns one TFLite operator into ONNX nodes (or, for DEQUANTIZE and DENSIFY of constants, into a constant).
 * Implementations are stateless; all state is in the {@link Conversion}.
 */
@FunctionalInterface
interface OpConverter {

    /**
     * @throws ModelException when the operator uses an option, type or non-constant input this importer does not
     *     convert; the message names the model, the operator (index and name) and the fix
     */
    void convert(TfliteOp op, Conversion cx) throws ModelException;
}
