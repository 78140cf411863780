package io.loupe.appliance.config;

import java.nio.file.Path;

/**
 * This appliance.
 *
 * @param id      node id, the {@code <node>} level of every MQTT topic
 * @param site    site id, the {@code <site>} level of every MQTT topic
 * @param dataDir where the appliance keeps its state (embedded broker data, later the outbox and NG images)
 */
public record NodeConfig(String id, String site, Path dataDir) {

    public static NodeConfig defaults() {
        return new NodeConfig("loupe", "default", Path.of(System.getProperty("java.io.tmpdir"), "loupe"));
    }
}
