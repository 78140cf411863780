package io.loupe.models.tflite;

import java.util.List;

/**
 * The main subgraph of a {@code .tflite} file, read out of the flatbuffer and checked.
 *
 * @param source the file (or a name) for messages
 * @param schemaVersion the model's schema version (3 today)
 * @param description the converter's description, e.g. {@code MLIR Converted.}
 * @param tensors all tensors, by index
 * @param operators in execution order
 * @param inputs graph input tensor indices
 * @param outputs graph output tensor indices
 */
record TfliteGraph(String source, long schemaVersion, String description, List<TfliteTensor> tensors,
        List<TfliteOp> operators, int[] inputs, int[] outputs) {

    TfliteTensor tensor(int index) {
        return tensors.get(index);
    }
}
