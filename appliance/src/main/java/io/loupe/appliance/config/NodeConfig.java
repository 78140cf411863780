package io.loupe.appliance.config;

import java.nio.file.Path;

/**
 * This appliance.
 *
 * @param id      node id, the {@code <node>} level of every MQTT topic
 * @param site    site id, the {@code <site>} level of every MQTT topic
 * @param dataDir         where the appliance keeps its state (embedded broker data, API token, later the outbox and
 *                        NG images)
 * @param onnxruntimePath folder with the ONNX Runtime native libraries to use instead of the bundled CPU ones (on
 *                        Jetson: an ONNX Runtime built for JetPack, with CUDA and TensorRT); empty for the bundled ones
 */
public record NodeConfig(String id, String site, Path dataDir, Path onnxruntimePath) {

    public static NodeConfig defaults() {
        return new NodeConfig("loupe", "default", Path.of(System.getProperty("java.io.tmpdir"), "loupe"), null);
    }
}
