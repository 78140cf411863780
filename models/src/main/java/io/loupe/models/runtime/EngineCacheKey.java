package io.loupe.models.runtime;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What a TensorRT engine depends on, so that an engine is reused only where it is valid: the model file (sha256), the
 * TensorRT version, the GPU model, the precision and the largest batch of its optimisation profile. Each key has its
 * own folder under the engine cache root, e.g.
 * {@code 83de8f0d2cd521e0-trt10.8.0-nvidia-h100-80gb-hbm3-fp16-b1}; ONNX Runtime writes the engines (and their
 * profiles) there and finds them again at the next start.
 *
 * @param sha256 of the model file
 * @param tensorRtVersion e.g. {@code 10.8.0}, or {@code unknown}
 * @param gpu the GPU's slug
 * @param precision {@code fp32}, {@code fp16}, {@code int8} or {@code int8-fp16}
 * @param maxBatch largest batch of the optimisation profile
 */
public record EngineCacheKey(String sha256, String tensorRtVersion, String gpu, String precision, int maxBatch) {

    /** The key's folder name. */
    public String folderName() {
        String version = tensorRtVersion.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-");
        return sha256.substring(0, Math.min(16, sha256.length())) + "-trt" + version + "-" + gpu + "-" + precision
                + "-b" + maxBatch;
    }

    /** The key's folder under {@code root}. */
    public Path folder(Path root) {
        return root.resolve(folderName());
    }

    /** The precision name of a TensorRT option pair. */
    public static String precision(boolean fp16, boolean int8) {
        if (int8) {
            return fp16 ? "int8-fp16" : "int8";
        }
        return fp16 ? "fp16" : "fp32";
    }
}
