package io.loupe.appliance.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code /metrics} in the Prometheus text format. */
@Controller
public class MetricsController {
    private final PrometheusMeterRegistry registry;

    public MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Get(uri = "/metrics")
    public HttpResponse<String> metrics() {
        return HttpResponse.ok(registry.scrape()).contentType("text/plain; version=0.0.4; charset=utf-8");
    }
}
