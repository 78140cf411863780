/**
 * The Loupe daemon: {@link io.loupe.appliance.Loupe} parses the command line, {@link io.loupe.appliance.Appliance}
 * starts cameras, models, pipelines and the MQTT link from a checked configuration and stops them in order, and the
 * Micronaut web server shows it all.
 */
package io.loupe.appliance;
