package io.loupe.pipelines.defect;

import io.loupe.models.Detection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

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
        int ignored = 0;
        for (Detection d : part.detections()) {
            double cx = (d.x1() + d.x2()) / 2.0;
            double cy = (d.y1() + d.y2()) / 2.0;
            Defect defect = Defect.of(d, mmPerPixel);
            if (!area.inRoi(cx, cy) || area.ignoredBy(cx, cy) != null || d.score() < rules.minScoreFor(d.label())
                    || !bigEnough(defect)) {
                ignored++;
                continue;
            }
            counted.add(defect);
        }
        int detected = counted.size();
        AnomalyOutcome anomaly = part.anomaly();
        List<PartInspection.AnomalyRegion> regions = new ArrayList<>();
        if (anomaly != null && anomaly.anomalous()) {
            for (PartInspection.AnomalyRegion r : part.regions()) {
                Defect defect = Defect.anomaly(r.box(), r.peak(), mmPerPixel);
                if (!bigEnough(defect)) {
                    ignored++;
                    continue;
                }
                counted.add(defect);
                regions.add(r);
            }
        }
        Verdict verdict = counted.size() > rules.maxDefects() ? Verdict.NG : Verdict.OK;
        if (verdict == Verdict.OK) {
            return new Judgement(verdict, List.of(), counted, ignored);
        }
        // Reasons are written for NG parts only: an OK part (most of them) formats nothing.
        List<String> reasons = new ArrayList<>(counted.size() + 1);
        if (rules.maxDefects() > 0) {
            reasons.add(counted.size() + " defects > maxDefects " + rules.maxDefects());
        }
        for (int i = 0; i < counted.size(); i++) {
            Defect d = counted.get(i);
            StringBuilder why = new StringBuilder(64);
            if (i < detected) {
                why.append(d.label()).append(' ');
                fixed(why, d.score(), 2).append(" >= ");
                fixed(why, rules.minScoreFor(d.label()), 2);
            } else {
                PartInspection.AnomalyRegion r = regions.get(i - detected);
                why.append(Defect.ANOMALY_LABEL).append(' ');
                fixed(why, r.peak(), 3).append(" >= ");
                fixed(why, anomaly.threshold(), 3).append(" at [").append(r.box().x()).append(", ")
                        .append(r.box().y()).append(", ").append(r.box().width()).append(", ")
                        .append(r.box().height()).append(']');
            }
            reasons.add(sizeText(why, d).toString());
        }
        return new Judgement(verdict, reasons, counted, ignored);
    }

    /** Powers of ten up to the most places {@link #fixed} writes without {@link BigDecimal}. */
    private static final long[] TENS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    /**
     * Appends {@code value} with {@code places} decimals as {@code %.Nf} writes it in the root locale (the shortest
     * decimal of the double, rounded half up), without a {@link java.util.Formatter} and, for the scores, sizes and
     * thresholds it writes (places up to 6, values under 10^9), without allocating: of the two candidates around
     * {@code value x 10^places}, the upper one is taken when {@code value} is at least the double nearest the decimal
     * halfway between them (which is where the shortest decimal of {@code value} reaches the halfway point).
     */
    static StringBuilder fixed(StringBuilder to, double value, int places) {
        if (!Double.isFinite(value)) {
            return to.append(value);
        }
        if (value < 0 || (value == 0 && 1 / value < 0)) {
            to.append('-');
            value = -value;
        }
        if (places < 0 || places >= TENS.length || value >= 1e9) {
            return to.append(new BigDecimal(Double.toString(value)).setScale(places, RoundingMode.HALF_UP)
                    .toPlainString());
        }
        long scale = TENS[places];
        long low = (long) Math.floor(value * scale);
        double halfway = (2 * low + 1) / (2.0 * scale);
        long rounded = value >= halfway ? low + 1 : low;
        to.append(rounded / scale);
        if (places > 0) {
            to.append('.');
            long fraction = rounded % scale;
            for (long digit = scale / 10; digit > 1 && fraction < digit; digit /= 10) {
                to.append('0');
            }
            to.append(fraction);
        }
        return to;
    }

    private boolean bigEnough(Defect d) {
        if (d.areaPx() < rules.minAreaPx() || d.sizePx() < rules.minSizePx()) {
            return false;
        }
        return rules.minSizeMm() <= 0 || (d.sizeMm() != null && d.sizeMm() >= rules.minSizeMm());
    }

    private StringBuilder sizeText(StringBuilder to, Defect d) {
        if (rules.minSizeMm() > 0 && d.sizeMm() != null) {
            fixed(to.append(", size "), d.sizeMm(), 2).append(" mm >= ");
            return fixed(to, rules.minSizeMm(), 2).append(" mm");
        }
        if (rules.minSizePx() > 0) {
            fixed(to.append(", size "), d.sizePx(), 0).append(" px >= ");
            return fixed(to, rules.minSizePx(), 0).append(" px");
        }
        return to;
    }
}
