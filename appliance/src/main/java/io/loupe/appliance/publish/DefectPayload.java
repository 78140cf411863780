package io.loupe.appliance.publish;

import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.defect.DefectResult;

import java.time.Instant;
import java.util.List;

/**
 * {@code loupe.defect.result/1} on {@code loupe/<site>/<node>/<pipeline>/result}: one inspected frame's verdict.
 *
 * @param schema    payload schema and version
 * @param seq       per-pipeline sequence number (consumers de-duplicate by it)
 * @param ts        when the verdict was reached
 * @param site      site id
 * @param node      node id
 * @param pipeline  pipeline id
 * @param camera    camera id
 * @param frame     the frame's sequence number, size and capture time
 * @param model     model name, version, sha256 and provider
 * @param verdict   OK or NG
 * @param reasons   why NG
 * @param defects   the counted defects
 * @param ignored   detections below the rules' minimums
 * @param latencyMs capture to verdict
 */
public record DefectPayload(String schema, long seq, Instant ts, String site, String node, String pipeline,
                            String camera, FramePayload frame, ModelRef model, String verdict, List<String> reasons,
                            List<DetectionPayload> defects, int ignored, double latencyMs) {

    static DefectPayload of(String site, String node, String pipeline, DefectResult r) {
        int w = r.frame().width();
        int h = r.frame().height();
        return new DefectPayload(r.schema(), r.seq(), r.ts(), site, node, pipeline, r.frame().camera(),
                FramePayload.of(r.frame()), r.model(), r.verdict().name(), r.reasons(),
                r.defects().stream().map(d -> DetectionPayload.of(d, w, h)).toList(), r.ignored(),
                DetectionPayload.round(r.latencyMs(), 2));
    }
}
