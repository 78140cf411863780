package io.loupe.appliance.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Matches scored detections to ground-truth boxes per image at IoU ≥ 0.5, greedily by score as PASCAL VOC does, and
 * turns the result into precision, recall and average precision (all-point interpolation). "Difficult" boxes (a defect
 * cut by the frame edge: fair to miss, fair to find) count for nothing: they are not needed for recall, and a detection
 * on one is neither a hit nor a false alarm.
 */
final class BoxMatcher {
    static final double IOU = 0.5;

    /** A box {x1, y1, x2, y2} in one image. */
    record Scored(int image, float score, double[] box) {
    }

    private final List<Scored> detections = new ArrayList<>();
    private final List<List<double[]>> truths = new ArrayList<>();
    private final List<List<double[]>> difficult = new ArrayList<>();
    private int truthCount;

    void addTruth(int image, double[] box, boolean isDifficult) {
        List<List<double[]>> into = isDifficult ? difficult : truths;
        while (into.size() <= image) {
            into.add(new ArrayList<>());
        }
        into.get(image).add(box);
        truthCount += isDifficult ? 0 : 1;
    }

    private boolean onDifficult(Scored d) {
        if (d.image() >= difficult.size()) {
            return false;
        }
        for (double[] t : difficult.get(d.image())) {
            if (iou(d.box(), t) >= IOU) {
                return true;
            }
        }
        return false;
    }

    void addDetection(int image, float score, double[] box) {
        detections.add(new Scored(image, score, box));
    }

    /** The class's metrics, the operating point being the detections scoring at least {@code confidence}. */
    ClassMetrics metrics(String label, float confidence) {
        List<Scored> sorted = new ArrayList<>(detections);
        sorted.sort(Comparator.comparingDouble((Scored s) -> s.score()).reversed());
        List<boolean[]> used = new ArrayList<>();
        for (List<double[]> t : truths) {
            used.add(new boolean[t.size()]);
        }
        int tp = 0;
        int fp = 0;
        int opDetections = 0;
        int opHits = 0;
        List<double[]> curve = new ArrayList<>();
        for (Scored d : sorted) {
            boolean hit = false;
            if (d.image() < truths.size()) {
                List<double[]> t = truths.get(d.image());
                int best = -1;
                double bestIou = IOU;
                for (int i = 0; i < t.size(); i++) {
                    double iou = iou(d.box(), t.get(i));
                    if (!used.get(d.image())[i] && iou >= bestIou) {
                        best = i;
                        bestIou = iou;
                    }
                }
                if (best >= 0) {
                    used.get(d.image())[best] = true;
                    hit = true;
                }
            }
            if (!hit && onDifficult(d)) {
                continue;
            }
            tp += hit ? 1 : 0;
            fp += hit ? 0 : 1;
            if (d.score() >= confidence) {
                opDetections++;
                opHits += hit ? 1 : 0;
            }
            curve.add(new double[] {(double) tp / Math.max(1, truthCount), (double) tp / (tp + fp)});
        }
        return new ClassMetrics(label, truthCount, opDetections, opHits,
                opDetections == 0 ? Double.NaN : (double) opHits / opDetections,
                truthCount == 0 ? Double.NaN : (double) opHits / truthCount,
                truthCount == 0 ? Double.NaN : averagePrecision(curve));
    }

    /** Area under the precision envelope over recall, from points (recall, precision) in score order. */
    static double averagePrecision(List<double[]> curve) {
        double[] envelope = new double[curve.size()];
        double best = 0;
        for (int i = curve.size() - 1; i >= 0; i--) {
            best = Math.max(best, curve.get(i)[1]);
            envelope[i] = best;
        }
        double ap = 0;
        double previousRecall = 0;
        for (int i = 0; i < curve.size(); i++) {
            double recall = curve.get(i)[0];
            if (recall > previousRecall) {
                ap += (recall - previousRecall) * envelope[i];
                previousRecall = recall;
            }
        }
        return ap;
    }

    static double iou(double[] a, double[] b) {
        double w = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
        double h = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double inter = w * h;
        return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter);
    }
}
