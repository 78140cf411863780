package io.loupe.appliance.web;

import io.loupe.appliance.Appliance;
import io.loupe.appliance.ApplianceStatus;
import io.loupe.appliance.PipelineView;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code /api/status} and camera snapshots. */
@Controller("/api")
public class StatusController {
    private final Appliance appliance;

    @Inject
    public StatusController(Appliance appliance) {
        this.appliance = appliance;
    }

    @Get(uri = "/status", produces = MediaType.APPLICATION_JSON)
    public ApplianceStatus status() {
        return appliance.status();
    }

    /** The camera's latest frame with its pipeline's overlay; 404 naming the known cameras for an unknown id. */
    @Get(uri = "/cameras/{id}/snapshot.jpg")
    public HttpResponse<?> snapshot(@PathVariable String id) {
        if (!appliance.cameras().containsKey(id)) {
            return HttpResponse.notFound(Map.of("error", "no camera '" + id + "': known cameras are "
                    + appliance.cameras().keySet()));
        }
        String hidden = appliance.liveView().hiddenBecause(id);
        if (hidden != null) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.FORBIDDEN)
                    .body(Map.of("error", "camera '" + id + "': no picture is served: " + hidden));
        }
        byte[] jpeg = appliance.liveView().jpeg(id);
        if (jpeg == null) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE)
                    .body(Map.of("error", "camera '" + id + "' has no processed frame yet: " + whyNoFrame(id)));
        }
        return HttpResponse.ok(jpeg).contentType(MediaType.IMAGE_JPEG_TYPE).header("Cache-Control", "no-store");
    }

    /**
     * The page sees a camera through its pipelines (their overlays and privacy rules), never raw: with none running
     * there is no picture to wait for, and the reason names them.
     */
    private String whyNoFrame(String camera) {
        List<PipelineView> on = appliance.status().pipelines().stream().filter(p -> camera.equals(p.camera()))
                .toList();
        if (on.isEmpty()) {
            return "no pipeline uses it, and the page shows a camera through its pipelines; add one under pipelines:";
        }
        if (on.stream().allMatch(p -> "FAILED".equals(p.state()))) {
            return "none of its pipelines is running (" + on.stream().map(p -> p.id() + ": " + p.error())
                    .collect(Collectors.joining("; ")) + "); fix the configuration and reload it";
        }
        return "wait for it to come online";
    }
}
