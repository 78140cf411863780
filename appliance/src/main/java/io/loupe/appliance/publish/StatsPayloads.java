package io.loupe.appliance.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loupe.mqtt.OutboxStats;
import io.loupe.mqtt.payload.ModelPayload;
import io.loupe.mqtt.payload.PipelineStatsPayload;
import io.loupe.pipelines.DomainStats;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PipelineStats;
import io.loupe.pipelines.defect.stats.DefectCounts;
import io.loupe.pipelines.defect.stats.DefectStatsSnapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code loupe.pipeline.stats/1}, retained on {@code …/<pipeline>/stats}: the worker's rates and counts, the outbox's
 * depth and drops, and the pipeline type's own statistics under {@code domain} (a defect line: shift and since-start
 * yield and Pareto).
 */
public final class StatsPayloads {
    private final String site;
    private final String node;
    private final Instant startedAt;
    private final double windowSeconds;
    private long seq;

    public StatsPayloads(String site, String node, Instant startedAt, Duration window) {
        this.site = site;
        this.node = node;
        this.startedAt = startedAt;
        this.windowSeconds = window.toMillis() / 1000.0;
    }

    /** One stats message; called from the status thread only. */
    public PipelineStatsPayload of(PipelineStats s, ModelRef model, DomainStats domain, OutboxStats outbox, Instant now) {
        PipelineStatsPayload.Verdicts verdicts = null;
        Double yield = null;
        List<PipelineStatsPayload.LabelCount> counts = List.of();
        ObjectNode domainJson = null;
        if (domain != null) {
            domainJson = Json.tree(domain);
            domainJson.put("schema", domain.schema());
        }
        if (domain instanceof DefectStatsSnapshot d) {
            DefectCounts c = d.sinceStart();
            verdicts = new PipelineStatsPayload.Verdicts(c.ok(), c.ng());
            yield = c.yield();
            counts = c.pareto().stream().map(p -> new PipelineStatsPayload.LabelCount(p.label(), p.count())).toList();
        }
        return new PipelineStatsPayload(PipelineStatsPayload.SCHEMA, ++seq, now, site, node, s.id(), s.camera(),
                model == null ? null : new ModelPayload(model.id(), model.name(), model.version(), model.sha256(),
                        model.provider()),
                s.state().name(), windowSeconds, Math.max(0.001, Duration.between(startedAt, now).toMillis() / 1000.0),
                new PipelineStatsPayload.Frames(s.processed(), s.dropped()), s.fps(),
                Double.isNaN(s.latencyP50Ms()) ? null
                        : new PipelineStatsPayload.Latency(s.latencyP50Ms(), s.latencyP99Ms(), s.latencyMaxMs()),
                s.processed(), verdicts, yield, counts, PipelineStatsPayload.Outbox.of(outbox), domainJson);
    }
}
