/**
 * What the appliance publishes: typed payload records for each MQTT message kind (DESIGN §6), the JSON mapping of
 * pipeline results to them, and the {@link io.loupe.appliance.publish.ResultPublisher} sink that hands them to the MQTT
 * link's outbox.
 */
package io.loupe.appliance.publish;
