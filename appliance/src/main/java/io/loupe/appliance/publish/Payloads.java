package io.loupe.appliance.publish;

import io.loupe.pipelines.PipelineAlert;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.gait.GaitResult;
import io.loupe.pipelines.pest.PestResult;
import io.loupe.pipelines.defect.DefectResult;

/**
 * Maps a pipeline result to its payload record, by result type, and says on which topic it goes. Adding a pipeline
 * type adds one case here.
 */
public final class Payloads {
    private final String site;
    private final String node;

    public Payloads(String site, String node) {
        this.site = site;
        this.node = node;
    }

    /** Whether a result is an alert, published on {@code …/event} rather than {@code …/result}. */
    public static boolean isAlert(PipelineResult result) {
        return result instanceof PipelineAlert;
    }

    /**
     * @throws IllegalArgumentException for a result type without a payload mapping (a programming error)
     */
    public Object of(String pipeline, PipelineResult result) {
        if (result instanceof DefectResult r) {
            return DefectPayload.of(site, node, pipeline, r);
        }
        if (result instanceof PestResult r) {
            return PestPayload.of(site, node, pipeline, r);
        }
        if (result instanceof GaitResult r) {
            return GaitPayload.of(site, node, pipeline, r);
        }
        if (result instanceof PipelineAlert a) {
            return AlertPayloads.of(site, node, pipeline, a);
        }
        throw new IllegalArgumentException("no payload mapping for " + result.getClass().getName() + " (schema "
                + result.schema() + "): add one to Payloads");
    }
}
