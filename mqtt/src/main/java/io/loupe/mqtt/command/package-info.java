/**
 * Commands over MQTT: the typed SPI the appliance implements ({@link io.loupe.mqtt.command.CommandHandler}) for
 * {@code loupe/<site>/<node>/<pipeline>/<setting>/set}. The link checks each command (retain flag, ACL, JSON) before
 * the handler sees it, runs the handler on its own bounded thread, publishes the applied value retained on
 * {@code …/<setting>/state} and every rejection on {@code …/<pipeline>/error}.
 */
package io.loupe.mqtt.command;
