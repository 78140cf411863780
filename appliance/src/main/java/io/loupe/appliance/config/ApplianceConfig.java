package io.loupe.appliance.config;

import java.util.Map;

/**
 * The whole configuration file.
 *
 * @param appliance this box: its node id and site
 * @param cameras   cameras by id
 * @param models    models by id
 * @param pipelines pipelines by id
 * @param mqtt      the broker link
 * @param web       the status page and API
 */
public record ApplianceConfig(NodeConfig appliance, Map<String, CameraConfig> cameras, Map<String, ModelConfig> models,
                              Map<String, PipelineConfig> pipelines, MqttConfig mqtt, WebConfig web) {

    public static ApplianceConfig defaults() {
        return new ApplianceConfig(NodeConfig.defaults(), Map.of(), Map.of(), Map.of(), MqttConfig.defaults(),
                WebConfig.defaults());
    }
}
