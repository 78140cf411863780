package io.loupe.appliance.web;

import io.loupe.appliance.Appliance;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;

/**
 * Stops the appliance when the Micronaut context stops. Micronaut's own shutdown hook closes the context on SIGTERM, so
 * this is how SIGTERM reaches the appliance: registering a second JVM hook deadlocks against Micronaut's.
 */
@Context
public class ApplianceLifecycle {
    private final Appliance appliance;

    public ApplianceLifecycle(Appliance appliance) {
        this.appliance = appliance;
    }

    @PreDestroy
    void stop() {
        appliance.close();
    }
}
