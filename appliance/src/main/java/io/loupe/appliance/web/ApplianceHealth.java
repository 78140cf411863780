package io.loupe.appliance.web;

import io.loupe.appliance.Appliance;
import io.loupe.appliance.ApplianceStatus;
import io.loupe.camera.CameraState;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds the appliance to {@code /health}: DOWN when a model or pipeline failed to start or a camera is offline; each
 * component's state in the details.
 */
@Singleton
public class ApplianceHealth implements HealthIndicator {
    private final Appliance appliance;

    public ApplianceHealth(Appliance appliance) {
        this.appliance = appliance;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        ApplianceStatus s = appliance.status();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean down = false;
        for (var c : s.cameras()) {
            details.put("camera." + c.id(), c.state() + (c.reason() == null ? "" : ": " + c.reason()));
            down |= c.state() == CameraState.OFFLINE;
        }
        for (var m : s.models()) {
            details.put("model." + m.id(), m.error() == null ? m.info().provider().name() : "FAILED: " + m.error());
            down |= m.error() != null;
        }
        for (var p : s.pipelines()) {
            details.put("pipeline." + p.id(), p.state() + (p.error() == null ? "" : ": " + p.error()));
            down |= "FAILED".equals(p.state());
        }
        details.put("mqtt", s.mqtt().link() != null && s.mqtt().link().connected() ? "connected" : "disconnected");
        return Publishers.just(HealthResult.builder("appliance", down ? HealthStatus.DOWN : HealthStatus.UP)
                .details(details).build());
    }
}
