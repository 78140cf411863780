package io.loupe.appliance.web;

import io.loupe.appliance.PipelineNotRunning;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/** Any request for a pipeline that failed to start: 409 Conflict, with why it did not start and the fix. */
@Produces
@Singleton
@Requires(classes = {PipelineNotRunning.class, ExceptionHandler.class})
public class PipelineNotRunningHandler implements ExceptionHandler<PipelineNotRunning, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, PipelineNotRunning exception) {
        return HttpResponse.status(HttpStatus.CONFLICT).body(Map.of("error", exception.getMessage()));
    }
}
