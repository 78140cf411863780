package io.loupe.appliance.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * This appliance.
 *
 * @param id      node id, the {@code <node>} level of every MQTT topic
 * @param site    site id, the {@code <site>} level of every MQTT topic
 * @param dataDir         where the appliance keeps its state (embedded broker data, API token, later the outbox and
 *                        NG images)
 * @param onnxruntimePath folder with the ONNX Runtime native libraries to use instead of the bundled CPU ones (on
 *                        Jetson: an ONNX Runtime built for JetPack, with CUDA and TensorRT); empty for the bundled ones
 * @param nativeTrim      how often the native heap's free pages are handed back to the operating system (glibc
 *                        {@code malloc_trim}); 0 turns it off; default 5s
 */
public record NodeConfig(String id, String site, Path dataDir, Path onnxruntimePath, Duration nativeTrim) {

    /** The default {@link #nativeTrim}. */
    public static final Duration NATIVE_TRIM = Duration.ofSeconds(5);

    public NodeConfig {
        nativeTrim = nativeTrim == null ? NATIVE_TRIM : nativeTrim;
    }

    public static NodeConfig defaults() {
        return new NodeConfig("loupe", "default", Path.of(System.getProperty("java.io.tmpdir"), "loupe"), null,
                NATIVE_TRIM);
    }
}
