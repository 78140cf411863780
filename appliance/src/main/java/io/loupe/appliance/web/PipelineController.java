package io.loupe.appliance.web;

import io.loupe.appliance.Appliance;
import io.loupe.appliance.PipelineDetail;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;

import java.util.Map;

/** {@code /api/pipelines/{id}}: one pipeline's setup, state and recent results; switching it on and off (token). */
@Controller("/api/pipelines")
public class PipelineController {
    private final Appliance appliance;

    public PipelineController(Appliance appliance) {
        this.appliance = appliance;
    }

    /** Body of {@code PUT …/enabled}. @param enabled true to process frames, false to pause */
    public record EnabledRequest(Boolean enabled) {
    }

    @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> pipeline(@PathVariable String id) {
        try {
            return HttpResponse.ok(appliance.pipeline(id));
        } catch (IllegalArgumentException e) {
            return HttpResponse.notFound(Map.of("error", e.getMessage()));
        }
    }

    @Put(uri = "/{id}/enabled", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> enable(@PathVariable String id, @Body EnabledRequest body) {
        if (body == null || body.enabled() == null) {
            return HttpResponse.badRequest(Map.of("error", "the body must be {\"enabled\": true} or {\"enabled\": false}"));
        }
        try {
            appliance.setPipelineEnabled(id, body.enabled());
        } catch (IllegalArgumentException e) {
            return HttpResponse.notFound(Map.of("error", e.getMessage()));
        }
        PipelineDetail detail = appliance.pipeline(id);
        return HttpResponse.ok(detail.pipeline());
    }
}
