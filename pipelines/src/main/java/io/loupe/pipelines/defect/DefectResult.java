package io.loupe.pipelines.defect;

import io.loupe.models.Detection;
import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PipelineResult;

import java.time.Instant;
import java.util.List;

/**
 * One inspected frame's verdict ({@code loupe.defect.result/1}).
 *
 * @param frame     the frame inspected
 * @param seq       per-pipeline sequence number
 * @param ts        when the verdict was reached
 * @param latencyMs from capture to verdict
 * @param model     the detector's provenance
 * @param verdict   OK or NG
 * @param reasons   why NG (one line per counted defect); empty when OK
 * @param defects   the detections the rules counted, best first
 * @param ignored   detections below the rules' score or size minimums
 */
public record DefectResult(FrameRef frame, long seq, Instant ts, double latencyMs, ModelRef model, Verdict verdict,
                           List<String> reasons, List<Detection> defects, int ignored) implements PipelineResult {
    public static final String SCHEMA = "loupe.defect.result/1";

    public DefectResult {
        reasons = List.copyOf(reasons);
        defects = List.copyOf(defects);
    }

    static DefectResult unsequenced(FrameRef frame, ModelRef model, Verdict verdict, List<String> reasons,
                                    List<Detection> defects, int ignored) {
        return new DefectResult(frame, 0, null, 0, model, verdict, reasons, defects, ignored);
    }

    @Override
    public String schema() {
        return SCHEMA;
    }

    @Override
    public DefectResult sequenced(long seq, Instant ts, double latencyMs) {
        return new DefectResult(frame, seq, ts, latencyMs, model, verdict, reasons, defects, ignored);
    }
}
