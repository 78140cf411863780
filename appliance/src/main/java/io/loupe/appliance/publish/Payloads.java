package io.loupe.appliance.publish;

import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.defect.DefectResult;

/** Maps a pipeline result to its payload record, by result type. Adding a pipeline type adds one case here. */
public final class Payloads {
    private final String site;
    private final String node;

    public Payloads(String site, String node) {
        this.site = site;
        this.node = node;
    }

    /**
     * @throws IllegalArgumentException for a result type without a payload mapping (a programming error)
     */
    public Object of(String pipeline, PipelineResult result) {
        if (result instanceof DefectResult r) {
            return DefectPayload.of(site, node, pipeline, r);
        }
        throw new IllegalArgumentException("no payload mapping for " + result.getClass().getName() + " (schema "
                + result.schema() + "): add one to Payloads");
    }
}
