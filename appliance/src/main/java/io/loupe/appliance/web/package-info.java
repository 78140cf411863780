/**
 * The local web page and HTTP API (DESIGN §8): the status page, {@code /api/status}, camera snapshots with overlays
 * drawn by {@link io.loupe.appliance.web.LiveView}, and the wiring of the running appliance into Micronaut.
 */
package io.loupe.appliance.web;
