package io.loupe.appliance.web;

import io.loupe.appliance.Appliance;
import io.loupe.appliance.PipelineDetail;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;

import java.util.Map;

/**
 * {@code /api/pipelines/{id}}: one pipeline's setup, state and recent results; switching it on and off (token); a gait
 * pipeline's skeleton, session (token), session trend and keypoint deletion (token).
 */
@Controller("/api/pipelines")
public class PipelineController {
    private final Appliance appliance;

    public PipelineController(Appliance appliance) {
        this.appliance = appliance;
    }

    /** Body of {@code PUT …/enabled}. @param enabled true to process frames, false to pause */
    public record EnabledRequest(Boolean enabled) {
    }

    /** Body of {@code POST …/trigger}. @param part the part's id as the line knows it  @param at when it was in view, or now */
    public record TriggerRequest(String part, java.time.Instant at) {
    }

    /** "Part N is in view now" for a pipeline in trigger mode (token): 202 once queued. */
    @io.micronaut.http.annotation.Post(uri = "/{id}/trigger", consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> trigger(@PathVariable String id, @Body TriggerRequest body) {
        if (body == null || body.part() == null || body.part().isBlank()) {
            return HttpResponse.badRequest(Map.of("error", "the body must be {\"part\": \"ID\"} (optional \"at\": ISO-8601 time)"));
        }
        try {
            appliance.trigger(id, body.part(), body.at() == null ? java.time.Instant.now() : body.at());
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(Map.of("error", e.getMessage()));
        } catch (IllegalStateException e) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("error", e.getMessage()));
        }
        return HttpResponse.accepted().body(Map.of("queued", body.part()));
    }

    /** Body of {@code PUT …/session}. @param session the session (patient pseudonym) id, 1-64 of A-Z a-z 0-9 . _ - */
    public record SessionRequest(String session) {
    }

    /** Sets a gait pipeline's session id (token); the next bout carries it. */
    @Put(uri = "/{id}/session", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> session(@PathVariable String id, @Body SessionRequest body) {
        if (body == null || body.session() == null) {
            return HttpResponse.badRequest(Map.of("error", "the body must be {\"session\": \"ID\"} (a pseudonym, not"
                    + " a name: 1-64 of A-Z a-z 0-9 . _ -)"));
        }
        try {
            appliance.setSession(id, body.session());
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(Map.of("error", e.getMessage()));
        }
        return HttpResponse.ok(Map.of("session", body.session()));
    }

    /** Deletes the stored keypoints and trend of one session of a gait pipeline (token): personal data on request. */
    @Delete(uri = "/{id}/sessions/{session}/keypoints", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> deleteKeypoints(@PathVariable String id, @PathVariable String session) {
        try {
            return HttpResponse.ok(Map.of("session", session, "deleted_files", appliance.deleteKeypoints(id, session)));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(Map.of("error", e.getMessage()));
        } catch (IllegalStateException e) {
            return HttpResponse.serverError(Map.of("error", e.getMessage()));
        }
    }

    /**
     * A gait pipeline's walker as last seen: keypoints in frame pixels (COCO-17, then heels and toes; a missing one is
     * null), the bones, the frame size. Numbers only, for the page to draw on a blank background.
     */
    @Get(uri = "/{id}/skeleton", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> skeleton(@PathVariable String id) {
        try {
            return HttpResponse.ok(SkeletonView.of(appliance.skeleton(id).orElse(null)));
        } catch (IllegalArgumentException e) {
            return HttpResponse.notFound(Map.of("error", e.getMessage()));
        }
    }

    /** The bouts of one session of a gait pipeline, oldest first (for the trend). */
    @Get(uri = "/{id}/sessions/{session}/bouts", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> trend(@PathVariable String id, @PathVariable String session) {
        try {
            return HttpResponse.ok(appliance.trend(id, session));
        } catch (IllegalArgumentException e) {
            return HttpResponse.notFound(Map.of("error", e.getMessage()));
        }
    }

    /** Each pipeline's own statistics (a defect line: yield and Pareto for the shift and since start). */
    @Get(uri = "/stats", produces = MediaType.APPLICATION_JSON)
    public Map<String, Object> stats() {
        return appliance.domainStats();
    }

    /** A saved NG image with its overlay; the path is the one results and the page give ({@code ng_image}). */
    @Get(uri = "/{id}/ng/{+path}")
    public HttpResponse<?> ngImage(@PathVariable String id, @PathVariable String path) {
        return appliance.ngImage(id, path)
                .<HttpResponse<?>>map(file -> {
                    try {
                        return HttpResponse.ok(java.nio.file.Files.readAllBytes(file)).contentType(MediaType.IMAGE_JPEG_TYPE);
                    } catch (java.io.IOException e) {
                        return HttpResponse.notFound(Map.of("error", "NG image " + path + " is gone: " + e.getMessage()));
                    }
                })
                .orElseGet(() -> HttpResponse.notFound(Map.of("error", "no NG image '" + path + "' kept for pipeline '" + id
                        + "' (retention may have removed it; set settings.ngImages to keep them)")));
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
