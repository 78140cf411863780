/**
 * The appliance's recent events for the person on shift: NG and late parts (with their saved image), cameras going
 * offline and coming back, the MQTT link lost and regained, pipeline errors. Kept in memory, newest first, bounded.
 */
package io.loupe.appliance.events;
