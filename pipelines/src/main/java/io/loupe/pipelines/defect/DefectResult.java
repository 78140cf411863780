package io.loupe.pipelines.defect;

import io.loupe.models.Detection;
import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PipelineResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One part's verdict ({@code loupe.defect.result/1}): exactly one per part, on time or marked late.
 *
 * @param frame     the frame the part was judged in; {@link FrameRef#none} when no frame reached it
 * @param seq       per-pipeline sequence number
 * @param ts        when the result was reached
 * @param latencyMs from {@link #since()} to {@link #ts()}
 * @param model     the detector's (or anomaly model's) provenance
 * @param partId    the part: the trigger's id, the tracker's ({@code P<n>}, restarting with the pipeline), or the
 *                  frame's number in frame mode
 * @param mode      how the part was found
 * @param partBox   the part's box in frame pixels (in trigger and frame mode the ROI's bounding box); null when no
 *                  frame reached it
 * @param verdict   OK, NG, or UNKNOWN (not judged: see {@code reasons})
 * @param reasons   why NG (one line per counted defect) or why UNKNOWN; empty when OK
 * @param defects   the counted defects, best first
 * @param ignored   findings that did not count (below a minimum, outside the ROI or the part, in an ignore region)
 * @param anomaly   the anomaly path's score and threshold; null when the pipeline has no anomaly path
 * @param since     the trigger's time (trigger mode) or the judged frame's capture time: where latency and the
 *                  deadline are measured from
 * @param deadline  the configured deadline
 * @param timing    ON_TIME, or LATE when {@code latencyMs} exceeds the deadline or no frame reached the part
 * @param reject    whether the line should reject the part (by the configured reject policy)
 * @param ngImage   the NG image's path relative to the NG image folder, or null when none is saved (OK part, NG images
 *                  off, or the writer's queue was full)
 */
public record DefectResult(FrameRef frame, long seq, Instant ts, double latencyMs, ModelRef model, String partId,
                           PartMode mode, Box partBox, Verdict verdict, List<String> reasons, List<Defect> defects,
                           int ignored, AnomalyOutcome anomaly, Instant since, Duration deadline, Timing timing,
                           boolean reject, String ngImage) implements PipelineResult {
    public static final String SCHEMA = "loupe.defect.result/1";

    public DefectResult {
        reasons = List.copyOf(reasons);
        defects = List.copyOf(defects);
    }

    @Override
    public String schema() {
        return SCHEMA;
    }

    @Override
    public Instant since() {
        return since;
    }

    /** The defects as detections, for drawing boxes. */
    public List<Detection> boxes() {
        return defects.stream().map(Defect::toDetection).toList();
    }

    /** Whether a frame reached the part. */
    public boolean inspected() {
        return frame.present();
    }

    /** Sets sequence number, time and latency, and decides the timing: late past the deadline or without a frame. */
    @Override
    public DefectResult sequenced(long seq, Instant ts, double latencyMs) {
        Timing t = !frame.present() || latencyMs > deadline.toNanos() / 1e6 ? Timing.LATE : Timing.ON_TIME;
        return new DefectResult(frame, seq, ts, latencyMs, model, partId, mode, partBox, verdict, reasons, defects,
                ignored, anomaly, since, deadline, t, reject, ngImage);
    }
}
