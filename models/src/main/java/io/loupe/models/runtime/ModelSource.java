package io.loupe.models.runtime;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.loupe.models.ModelException;
import io.loupe.models.tflite.TfliteImporter;
import java.nio.file.Path;

/**
 * What ONNX Runtime opens for a model path: the {@code .onnx} file itself, or, for a {@code .tflite} file, the ONNX
 * model {@link TfliteImporter} made from it in memory (converted once, here, and reused for every session: the probe,
 * each provider tried, benchmarks).
 */
public final class ModelSource {

    private final Path file;
    private final byte[] converted;

    private ModelSource(Path file, byte[] converted) {
        this.file = file;
        this.converted = converted;
    }

    /**
     * The source of {@code file}: a {@code .tflite} file is converted now.
     *
     * @throws ModelException when a {@code .tflite} file cannot be converted (see {@link TfliteImporter#toOnnx(Path)})
     */
    public static ModelSource of(Path file) throws ModelException {
        return new ModelSource(file, TfliteImporter.isTflite(file) ? TfliteImporter.toOnnx(file) : null);
    }

    /** The model file as given. */
    public Path file() {
        return file;
    }

    /** True when the file is a TFLite model converted to ONNX in memory. */
    public boolean converted() {
        return converted != null;
    }

    /**
     * Opens a session on this model.
     *
     * @throws OrtException when ONNX Runtime refuses the model or the options
     */
    public OrtSession createSession(OrtEnvironment environment, OrtSession.SessionOptions options)
            throws OrtException {
        return converted != null ? environment.createSession(converted, options)
                : environment.createSession(file.toString(), options);
    }
}
