package io.loupe.samples.defect;

import io.loupe.samples.core.Box;
import io.loupe.samples.defect.truth.DefectGroundTruth;
import io.loupe.samples.defect.truth.DefectInFrame;
import io.loupe.samples.defect.truth.FrameTruth;
import io.loupe.samples.defect.truth.PartInFrame;
import io.loupe.samples.defect.truth.PartTruth;
import io.loupe.samples.defect.truth.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores a YOLOv8-format detector against the scene's ground truth, with the same protocol as
 * {@code models/training/evaluate_dark_defect_detector.py}: detections with score at least {@code conf}, greedy NMS
 * at {@code nms}; a detection matching (IoU at least {@code iou}, each ground-truth box once) a defect wholly in the
 * frame is a true positive, one matching only a defect cut by the frame edge is ignored, any other is a false
 * positive; a part is judged NG iff some detection has its centre inside the part's box in a frame where the whole
 * part is in view.
 */
final class DetectionScore {

    /** A detection in frame pixels. */
    record Detection(double x1, double y1, double x2, double y2, double score) {

        double iou(double bx1, double by1, double bx2, double by2) {
            double ix = Math.max(0, Math.min(x2, bx2) - Math.max(x1, bx1));
            double iy = Math.max(0, Math.min(y2, by2) - Math.max(y1, by1));
            double inter = ix * iy;
            double union = (x2 - x1) * (y2 - y1) + (bx2 - bx1) * (by2 - by1) - inter;
            return union > 0 ? inter / union : 0;
        }

        double iou(Detection o) {
            return iou(o.x1, o.y1, o.x2, o.y2);
        }

        double iou(Box b) {
            return iou(b.x(), b.y(), b.right(), b.bottom());
        }

        boolean centreIn(Box b) {
            double cx = (x1 + x2) / 2;
            double cy = (y1 + y2) / 2;
            return cx >= b.x() && cx < b.right() && cy >= b.y() && cy < b.bottom();
        }
    }

    /** The scores. */
    record Result(double precision, double recall, int truePositives, int falsePositives, int falseNegatives,
                  int ignored, int parts, double verdictAccuracy, int missedNg, int falseNg,
                  Map<String, Double> recallByClass) {
    }

    private final double iouMin;
    private int tp;
    private int fp;
    private int fn;
    private int ignored;
    private final Map<String, int[]> byClass = new TreeMap<>();
    private final Set<Integer> flagged = new HashSet<>();
    private final Set<Integer> judged = new HashSet<>();

    DetectionScore(double iouMin) {
        this.iouMin = iouMin;
    }

    /**
     * Decodes one YOLOv8 output {@code [4+nc][N]} (single class: row 4 is the score) into frame pixels.
     *
     * @param padTop letterbox rows above the frame
     */
    static List<Detection> decode(float[][] out, double conf, double nms, int padTop) {
        List<Detection> candidates = new ArrayList<>();
        for (int i = 0; i < out[0].length; i++) {
            if (out[4][i] >= conf) {
                double cx = out[0][i];
                double cy = out[1][i] - padTop;
                double w = out[2][i];
                double h = out[3][i];
                candidates.add(new Detection(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, out[4][i]));
            }
        }
        candidates.sort((a, b) -> Double.compare(b.score(), a.score())); // stable: ties keep anchor order
        List<Detection> kept = new ArrayList<>();
        for (Detection d : candidates) {
            if (kept.stream().allMatch(k -> k.iou(d) < nms)) {
                kept.add(d);
            }
        }
        return kept;
    }

    void add(FrameTruth frame, List<Detection> detections) {
        List<DefectInFrame> truths = frame.defects();
        boolean[] matched = new boolean[truths.size()];
        for (Detection d : detections) {
            int best = -1;
            double bestIou = iouMin;
            for (int k = 0; k < truths.size(); k++) {
                double v = d.iou(truths.get(k).box());
                if (!matched[k] && v >= bestIou) {
                    best = k;
                    bestIou = v;
                }
            }
            if (best < 0) {
                fp++;
            } else {
                matched[best] = true;
                if (truths.get(best).truncated()) {
                    ignored++;
                } else {
                    tp++;
                    byClass.computeIfAbsent(truths.get(best).type().label(), c -> new int[2])[0]++;
                }
            }
        }
        for (int k = 0; k < truths.size(); k++) {
            DefectInFrame t = truths.get(k);
            if (!t.truncated()) {
                byClass.computeIfAbsent(t.type().label(), c -> new int[2])[1]++;
                if (!matched[k]) {
                    fn++;
                }
            }
        }
        for (PartInFrame part : frame.parts()) {
            if (part.truncated()) {
                continue;
            }
            judged.add(part.id());
            if (detections.stream().anyMatch(d -> d.centreIn(part.box()))) {
                flagged.add(part.id());
            }
        }
    }

    Result result(DefectGroundTruth truth) {
        int correct = 0;
        int missedNg = 0;
        int falseNg = 0;
        int parts = 0;
        for (PartTruth part : truth.parts()) {
            if (!judged.contains(part.id())) {
                continue;
            }
            parts++;
            boolean ng = part.verdict() == Verdict.NG;
            boolean saidNg = flagged.contains(part.id());
            if (ng == saidNg) {
                correct++;
            } else if (ng) {
                missedNg++;
            } else {
                falseNg++;
            }
        }
        Map<String, Double> recallByClass = new TreeMap<>();
        byClass.forEach((c, v) -> recallByClass.put(c, v[1] == 0 ? 0 : (double) v[0] / v[1]));
        return new Result((double) tp / Math.max(1, tp + fp), (double) tp / Math.max(1, tp + fn), tp, fp, fn,
                ignored, parts, (double) correct / Math.max(1, parts), missedNg, falseNg, recallByClass);
    }
}
