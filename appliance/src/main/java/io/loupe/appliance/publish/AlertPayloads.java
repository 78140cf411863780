package io.loupe.appliance.publish;

import io.loupe.mqtt.payload.ModelPayload;
import io.loupe.mqtt.payload.PipelineEventPayload;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PipelineAlert;

/** A pipeline's alert as {@code loupe.pipeline.event/1}, for {@code …/<pipeline>/event}. */
final class AlertPayloads {

    private AlertPayloads() {
    }

    static PipelineEventPayload of(String site, String node, String pipeline, PipelineAlert a) {
        ModelRef m = a.model();
        return new PipelineEventPayload(PipelineEventPayload.SCHEMA, a.seq(), a.ts(), site, node, pipeline,
                a.frame().camera(), m == null ? null : new ModelPayload(m.id(), m.name(), m.version(), m.sha256(),
                        m.provider()),
                a.eventId(), PipelineEventPayload.Type.valueOf(a.type().name()), a.kind(),
                PipelineEventPayload.Severity.valueOf(a.severity().name()), a.message(), a.startedAt(), a.endedAt(),
                a.values().stream().map(v -> new PipelineEventPayload.Measure(v.name(), v.value(), v.unit()))
                        .toList());
    }
}
