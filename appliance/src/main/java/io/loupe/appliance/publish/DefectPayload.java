package io.loupe.appliance.publish;

import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.defect.AnomalyOutcome;
import io.loupe.pipelines.defect.DefectResult;

import java.time.Instant;
import java.util.List;

/**
 * {@code loupe.defect.result/1} on {@code loupe/<site>/<node>/<pipeline>/result}: one judged part.
 *
 * @param schema     payload schema and version
 * @param seq        per-pipeline sequence number (consumers de-duplicate by it)
 * @param ts         when the verdict was reached
 * @param site       site id
 * @param node       node id
 * @param pipeline   pipeline id
 * @param camera     camera id
 * @param frame      the frame the part was judged in, or null when no frame came (a late trigger)
 * @param model      model name, version, sha256 and provider
 * @param partId     the part: the trigger's id, the tracker's, or the frame number
 * @param mode       frame, trigger or presence
 * @param partBox    the part's box in frame pixels [x, y, width, height], or null
 * @param verdict    OK, NG or UNKNOWN
 * @param reasons    why NG or UNKNOWN
 * @param defects    the counted defects
 * @param ignored    findings below the rules' minimums or in ignore regions
 * @param anomaly    the anomaly path's scorer, score and threshold, or null
 * @param since      the trigger time or the judged frame's capture time
 * @param deadlineMs the configured deadline
 * @param timing     ON_TIME or LATE
 * @param reject     whether the line should reject the part
 * @param ngImage    the saved NG image, relative to the pipeline's NG folder, or null
 * @param latencyMs  from {@code since} to the verdict
 */
public record DefectPayload(String schema, long seq, Instant ts, String site, String node, String pipeline,
                            String camera, FramePayload frame, ModelRef model, String partId, String mode,
                            int[] partBox, String verdict, List<String> reasons, List<DefectItem> defects, int ignored,
                            AnomalyOutcome anomaly, Instant since, long deadlineMs, String timing, boolean reject,
                            String ngImage, double latencyMs) {

    /**
     * One counted defect: a box in pixels and normalised to the frame, and its size.
     *
     * @param label   class label ({@code anomaly} for an anomaly region)
     * @param classId class index, -1 for an anomaly region
     * @param score   confidence 0..1
     * @param box     x1, y1, x2, y2 in frame pixels
     * @param boxNorm the same divided by the frame width and height
     * @param sizePx  the box's longer side in pixels
     * @param sizeMm  the same in millimetres, or null without calibration
     * @param areaPx  box area in pixels
     * @param source  detector or anomaly
     */
    public record DefectItem(String label, int classId, double score, double[] box, double[] boxNorm, double sizePx,
                             Double sizeMm, double areaPx, String source) {
    }

    static DefectPayload of(String site, String node, String pipeline, DefectResult r) {
        int w = r.frame().width();
        int h = r.frame().height();
        List<DefectItem> defects = r.defects().stream().map(d -> {
            DetectionPayload p = DetectionPayload.of(d.toDetection(), Math.max(w, 1), Math.max(h, 1));
            return new DefectItem(p.label(), p.classId(), p.score(), p.box(), p.boxNorm(),
                    DetectionPayload.round(d.sizePx(), 1), d.sizeMm() == null ? null : DetectionPayload.round(d.sizeMm(), 2),
                    DetectionPayload.round(d.areaPx(), 1), d.source().name().toLowerCase(java.util.Locale.ROOT));
        }).toList();
        int[] partBox = r.partBox() == null ? null
                : new int[]{r.partBox().x(), r.partBox().y(), r.partBox().width(), r.partBox().height()};
        return new DefectPayload(r.schema(), r.seq(), r.ts(), site, node, pipeline, r.frame().camera(),
                r.frame().present() ? FramePayload.of(r.frame()) : null, r.model(), r.partId(), r.mode().name(),
                partBox, r.verdict().name(), r.reasons(), defects, r.ignored(), r.anomaly(), r.since(),
                r.deadline() == null ? 0 : r.deadline().toMillis(), r.timing().name(), r.reject(), r.ngImage(),
                DetectionPayload.round(r.latencyMs(), 2));
    }
}
