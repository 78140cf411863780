package io.loupe.pipelines.defect;

import io.loupe.models.Detection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies {@link DefectRules} (and the ROI, the ignore regions and the calibration) to one inspected part. Pure: no
 * pixels, no clock.
 */
public final class DefectJudge {

    /**
     * A part's judgement.
     *
     * @param verdict OK or NG
     * @param reasons one line per counted defect when NG (plus the count rule when more than one defect is allowed)
     * @param counted the counted defects, detector findings first (best first), then anomaly regions
     * @param ignored findings that did not count
     */
    public record Judgement(Verdict verdict, List<String> reasons, List<Defect> counted, int ignored) {
    }

    private final DefectRules rules;
    private final double mmPerPixel;
    private final InspectionArea area;

    public DefectJudge(DefectRules rules, double mmPerPixel, InspectionArea area) {
        this.rules = rules;
        this.mmPerPixel = mmPerPixel;
        this.area = area;
    }

    public Judgement judge(PartInspection part) {
        List<Defect> counted = new ArrayList<>();
        List<String> why = new ArrayList<>();
        int ignored = 0;
        for (Detection d : part.detections()) {
            double cx = (d.x1() + d.x2()) / 2.0;
            double cy = (d.y1() + d.y2()) / 2.0;
            Defect defect = Defect.of(d, mmPerPixel);
            double min = rules.minScoreFor(d.label());
            if (!area.inRoi(cx, cy) || area.ignoredBy(cx, cy) != null || d.score() < min || !bigEnough(defect)) {
                ignored++;
                continue;
            }
            counted.add(defect);
            why.add(String.format(Locale.ROOT, "%s %.2f >= %.2f", d.label(), d.score(), min) + sizeText(defect));
        }
        AnomalyOutcome anomaly = part.anomaly();
        if (anomaly != null && anomaly.anomalous()) {
            for (PartInspection.AnomalyRegion r : part.regions()) {
                Defect defect = Defect.anomaly(r.box(), r.peak(), mmPerPixel);
                if (!bigEnough(defect)) {
                    ignored++;
                    continue;
                }
                counted.add(defect);
                why.add(String.format(Locale.ROOT, "%s %.3f >= %.3f at [%d, %d, %d, %d]", Defect.ANOMALY_LABEL,
                        r.peak(), anomaly.threshold(), r.box().x(), r.box().y(), r.box().width(), r.box().height())
                        + sizeText(defect));
            }
        }
        Verdict verdict = counted.size() > rules.maxDefects() ? Verdict.NG : Verdict.OK;
        List<String> reasons = new ArrayList<>();
        if (verdict == Verdict.NG) {
            if (rules.maxDefects() > 0) {
                reasons.add(counted.size() + " defects > maxDefects " + rules.maxDefects());
            }
            reasons.addAll(why);
        }
        return new Judgement(verdict, reasons, counted, ignored);
    }

    private boolean bigEnough(Defect d) {
        if (d.areaPx() < rules.minAreaPx() || d.sizePx() < rules.minSizePx()) {
            return false;
        }
        return rules.minSizeMm() <= 0 || (d.sizeMm() != null && d.sizeMm() >= rules.minSizeMm());
    }

    private String sizeText(Defect d) {
        if (rules.minSizeMm() > 0 && d.sizeMm() != null) {
            return String.format(Locale.ROOT, ", size %.2f mm >= %.2f mm", d.sizeMm(), rules.minSizeMm());
        }
        if (rules.minSizePx() > 0) {
            return String.format(Locale.ROOT, ", size %.0f px >= %.0f px", d.sizePx(), rules.minSizePx());
        }
        return "";
    }
}
