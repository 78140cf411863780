package io.loupe.pipelines;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What the appliance tells a {@link PipelineFactory} about the pipeline it builds beyond the settings.
 *
 * @param pipelineId the pipeline's id in the configuration (used in topics, file names and thread names)
 * @param camera     the id of the camera it reads
 * @param clock      the clock for deadlines, shifts and file names; the same one the worker uses
 * @param phases     where stages add the phases they measure (model pre-processing, inference, decoding); the same
 *                   windows the worker closes per frame
 * @param models     the appliance's other loaded models, for types that run more than one
 * @param dataDir    where the pipeline keeps state that must survive a restart (e.g. a trap's counts), unless its
 *                   settings name a place
 */
public record PipelineContext(String pipelineId, String camera, Clock clock, PhaseLatencies phases,
                              ModelCatalog models, Path dataDir) {

    public PipelineContext {
        Objects.requireNonNull(pipelineId, "pipelineId");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(phases, "phases");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(dataDir, "dataDir");
    }

    /** A context whose state goes to the system's temporary folder (tools and tests). */
    public PipelineContext(String pipelineId, String camera, Clock clock, PhaseLatencies phases,
                           ModelCatalog models) {
        this(pipelineId, camera, clock, phases, models, Path.of(System.getProperty("java.io.tmpdir"), "loupe"));
    }

    /** A context without other models. */
    public PipelineContext(String pipelineId, String camera, Clock clock, PhaseLatencies phases) {
        this(pipelineId, camera, clock, phases, ModelCatalog.empty());
    }

    /** A context with its own phase windows. */
    public PipelineContext(String pipelineId, String camera, Clock clock) {
        this(pipelineId, camera, clock, new PhaseLatencies());
    }

    /** A context on the system clock (UTC), for tools and tests. */
    public static PipelineContext of(String pipelineId, String camera) {
        return new PipelineContext(pipelineId, camera, Clock.systemUTC());
    }
}
