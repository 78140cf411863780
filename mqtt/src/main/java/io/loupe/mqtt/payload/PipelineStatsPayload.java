package io.loupe.mqtt.payload;

import java.time.Instant;
import java.util.List;

import io.loupe.mqtt.OutboxStats;

/**
 * {@code loupe.pipeline.stats/1}, retained on {@code loupe/<site>/<node>/<pipeline>/stats}, published every few
 * seconds: how the pipeline is doing and what the node's outbox had to drop (never silent).
 *
 * @param schema    {@value #SCHEMA}
 * @param seq       per-pipeline sequence number of stats messages
 * @param ts        end of the window
 * @param site      site id
 * @param node      node id
 * @param pipeline  pipeline id
 * @param camera    camera id
 * @param model     the pipeline's model, or null when it failed to load
 * @param state     the pipeline's state, as on the birth message ({@code RUNNING}, {@code FAILED}, …)
 * @param windowS   length of the window {@code fps} and {@code latency_ms} cover, seconds
 * @param uptimeS   seconds since the pipeline started
 * @param frames    frames processed and dropped (mailbox policy) since the pipeline started
 * @param fps       frames processed per second over the window
 * @param latencyMs capture-to-result latency over the window; null when no frame was processed in it
 * @param results   results published since the pipeline started
 * @param verdicts  OK/NG counts since start, for pipelines that judge parts; null otherwise
 * @param yield     {@code ok / (ok + ng)}; null without verdicts or before the first one
 * @param counts    detections per label since start (defect classes, species); may be empty
 * @param domain    the pipeline type's own statistics (a defect line: OK/NG, yield and Pareto for the current shift and
 *                  since start), or null
 * @param outbox    the node's MQTT outbox: depth and drops by cause
 */
public record PipelineStatsPayload(String schema, long seq, Instant ts, String site, String node, String pipeline,
                                   String camera, ModelPayload model, String state, double windowS, double uptimeS,
                                   Frames frames, double fps, Latency latencyMs, long results, Verdicts verdicts,
                                   Double yield, List<LabelCount> counts, Outbox outbox, Object domain) {

    public static final String SCHEMA = PayloadSchemas.PIPELINE_STATS;

    /** Without the pipeline type's own statistics. */
    public PipelineStatsPayload(String schema, long seq, Instant ts, String site, String node, String pipeline,
                                String camera, ModelPayload model, String state, double windowS, double uptimeS,
                                Frames frames, double fps, Latency latencyMs, long results, Verdicts verdicts,
                                Double yield, List<LabelCount> counts, Outbox outbox) {
        this(schema, seq, ts, site, node, pipeline, camera, model, state, windowS, uptimeS, frames, fps, latencyMs,
                results, verdicts, yield, counts, outbox, null);
    }

    /** @param processed frames the pipeline processed  @param dropped frames its mailbox dropped */
    public record Frames(long processed, long dropped) {
    }

    /** Milliseconds: median, 99th percentile and maximum over the window. */
    public record Latency(double p50, double p99, double max) {
    }

    public record Verdicts(long ok, long ng) {
    }

    public record LabelCount(String label, long count) {
    }

    /**
     * The node's outbox (the same in every pipeline's stats).
     *
     * @param pending        messages waiting for the broker's acknowledgement
     * @param bytes          their size
     * @param dropped        all drops since the outbox was created (across restarts for the SQLite outbox)
     * @param droppedFull    oldest dropped at the message/byte bound
     * @param droppedExpired dropped at the age bound
     * @param droppedFailed  not stored: the disk refused them
     */
    public record Outbox(long pending, long bytes, long dropped, long droppedFull, long droppedExpired,
                         long droppedFailed) {

        public static Outbox of(OutboxStats s) {
            return new Outbox(s.pending(), s.bytes(), s.dropped(), s.droppedFull(), s.droppedExpired(),
                    s.droppedFailed());
        }
    }
}
