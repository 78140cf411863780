package io.loupe.mqtt.payload;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * {@code loupe.pipeline.event/1} on {@code loupe/<site>/<node>/<pipeline>/event}: an alert with a life — {@code new}
 * when it starts, {@code update} while it changes, {@code end} when it is over, all with the same {@code event_id}.
 *
 * @param schema    {@value #SCHEMA}
 * @param seq       per-pipeline sequence number of events (consumers de-duplicate by it)
 * @param ts        when this message was made
 * @param site      site id
 * @param node      node id
 * @param pipeline  pipeline id
 * @param camera    camera id
 * @param model     the pipeline's model, or null for events without one (a camera outage)
 * @param eventId   the alert's id, the same in its new/update/end messages, unique on the node
 * @param type      new, update or end
 * @param kind      what the alert is about, snake_case: {@code ng_streak}, {@code pest_threshold},
 *                  {@code camera_offline}, …
 * @param severity  info, warning or critical
 * @param message   for a person, e.g. "5 NG parts in a row"
 * @param startedAt when the alert started
 * @param endedAt   when it ended: null until {@code type} is end
 * @param values    the numbers behind it (may be empty)
 */
public record PipelineEventPayload(String schema, long seq, Instant ts, String site, String node, String pipeline,
                                   String camera, ModelPayload model, String eventId, Type type, String kind,
                                   Severity severity, String message, Instant startedAt, Instant endedAt,
                                   List<Measure> values) {

    public static final String SCHEMA = PayloadSchemas.PIPELINE_EVENT;

    /** The alert's life cycle. */
    public enum Type {
        NEW, UPDATE, END;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Severity {
        INFO, WARNING, CRITICAL;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One number behind an alert.
     *
     * @param name  snake_case, e.g. {@code ng_in_a_row}, {@code count}
     * @param value the number
     * @param unit  e.g. {@code parts}, {@code insects/trap/week}; null when it has none
     */
    public record Measure(String name, double value, String unit) {
    }
}
