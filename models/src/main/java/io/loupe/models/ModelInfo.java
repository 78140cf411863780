package io.loupe.models;

import java.nio.file.Path;
import java.util.List;

/**
 * What a loaded model is, for logs, the web page and MQTT payloads (name, version and sha256 identify it).
 *
 * <p>Where the manifest {@code NAME.model.yml} and the ONNX metadata both set a value, the manifest wins: it is the
 * user's override.
 *
 * @param id the configuration id
 * @param name the manifest's {@code name}, else the file name without {@code .onnx}
 * @param version the manifest's {@code version}, else the metadata's {@code version} (for Ultralytics exports: the
 *     exporting Ultralytics version), else the ONNX model version when set, else {@code "unversioned"}
 * @param sha256 of the {@code .onnx} file, lower-case hex
 * @param task the manifest's {@code task}, else the metadata's, else the decoder's ({@code detect})
 * @param decoder the decoder key in use, as configured ({@code yolo11} stays {@code yolo11})
 * @param provider the execution provider the session runs on (never {@link Provider#AUTO})
 * @param providerNotes why each faster provider was not used, e.g. {@code CUDA: not in this ONNX Runtime build (CPU
 *     jar)}; empty when the first choice worked
 * @param inputWidth model input width in pixels
 * @param inputHeight model input height in pixels
 * @param labels class names by class id
 * @param path the {@code .onnx} file, absolute and normalised
 */
public record ModelInfo(String id, String name, String version, String sha256, String task, String decoder,
        Provider provider, List<String> providerNotes, int inputWidth, int inputHeight, List<String> labels,
        Path path) {

    public ModelInfo {
        providerNotes = List.copyOf(providerNotes);
        labels = List.copyOf(labels);
    }
}
