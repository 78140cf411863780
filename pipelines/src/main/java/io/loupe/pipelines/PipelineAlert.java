package io.loupe.pipelines;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An alert with a life, published on {@code …/<pipeline>/event}: {@link Type#NEW} when it starts, {@link Type#UPDATE}
 * while its numbers change, {@link Type#END} when it is over, all with the same {@code eventId} (a pest count over its
 * action threshold, a gait session started and ended). A pipeline gives alerts in a {@link ResultBatch} beside its
 * results; the worker sequences them like any result.
 *
 * @param frame     the frame that raised it, or {@link FrameRef#none}
 * @param seq       per-pipeline sequence number, set by the worker
 * @param ts        when the worker sequenced it
 * @param model     the pipeline's model, or null
 * @param eventId   the alert's id, the same in its new/update/end messages, unique on the node
 * @param type      new, update or end
 * @param kind      what it is about, snake_case ({@code pest_threshold}, {@code gait_session})
 * @param severity  info, warning or critical
 * @param message   for a person, e.g. "whitefly: 53 per trap this week (threshold 50)"
 * @param startedAt when the alert started
 * @param endedAt   when it ended; null unless {@code type} is end
 * @param values    the numbers behind it
 */
public record PipelineAlert(FrameRef frame, long seq, Instant ts, ModelRef model, String eventId, Type type,
                            String kind, Severity severity, String message, Instant startedAt, Instant endedAt,
                            List<Value> values) implements PipelineResult {

    public static final String SCHEMA = "loupe.pipeline.event/1";

    public PipelineAlert {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(startedAt, "startedAt");
        if ((type == Type.END) != (endedAt != null)) {
            throw new IllegalArgumentException("alert " + eventId + ": endedAt must be set exactly when type is END, "
                    + "was " + endedAt + " for " + type);
        }
        values = List.copyOf(values);
    }

    /** An alert not yet sequenced. */
    public static PipelineAlert of(FrameRef frame, ModelRef model, String eventId, Type type, String kind,
                                   Severity severity, String message, Instant startedAt, Instant endedAt,
                                   List<Value> values) {
        return new PipelineAlert(frame, 0, null, model, eventId, type, kind, severity, message, startedAt, endedAt,
                values);
    }

    @Override
    public String schema() {
        return SCHEMA;
    }

    @Override
    public PipelineResult sequenced(long seq, Instant ts, double latencyMs) {
        return new PipelineAlert(frame, seq, ts, model, eventId, type, kind, severity, message, startedAt, endedAt,
                values);
    }

    /** The alert's life cycle. */
    public enum Type {
        NEW, UPDATE, END;

        /** As in the payload: {@code new}, {@code update}, {@code end}. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How urgent it is. */
    public enum Severity {
        INFO, WARNING, CRITICAL;

        /** As in the payload: {@code info}, {@code warning}, {@code critical}. */
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One number behind an alert.
     *
     * @param name  snake_case, e.g. {@code count}, {@code threshold}
     * @param value the number
     * @param unit  e.g. {@code insects/trap/week}; null when it has none
     */
    public record Value(String name, double value, String unit) {
        public Value {
            Objects.requireNonNull(name, "name");
        }
    }
}
