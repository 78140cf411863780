package io.loupe.models.decode;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link DecoderFactory} may know about a model.
 *
 * @param modelFile the ONNX file, for messages
 * @param key the decoder key as configured
 * @param inputWidth model input width in pixels
 * @param inputHeight model input height in pixels
 * @param labels class names by id (may be empty when the factory does not require labels)
 * @param outputs the session's float outputs, in session order, with their concrete shapes for one image
 * @param hints keypoint shape, strides, softmax choice, anomaly thresholds and non-float outputs
 */
public record DecoderContext(Path modelFile, String key, int inputWidth, int inputHeight, List<String> labels,
        List<OutputTensor> outputs, DecoderHints hints) {

    public DecoderContext {
        labels = List.copyOf(labels);
        outputs = List.copyOf(outputs);
        if (hints == null) {
            hints = DecoderHints.NONE;
        }
    }

    /** A context with no hints. */
    public DecoderContext(Path modelFile, String key, int inputWidth, int inputHeight, List<String> labels,
            List<OutputTensor> outputs) {
        this(modelFile, key, inputWidth, inputHeight, labels, outputs, DecoderHints.NONE);
    }

    /** "Model FILE (decoder KEY)", the start of every decoder error message. */
    public String where() {
        return "Model " + modelFile + " (decoder " + key + ")";
    }
}
