package io.loupe.appliance.evaluate;

/**
 * Detection quality of one class over a set, boxes matched at IoU ≥ 0.5.
 *
 * @param label      the class
 * @param truths     ground-truth boxes (defects cut by the frame edge are not counted, and not held against a detection)
 * @param detections detections at the model's confidence threshold (the operating point)
 * @param hits       of those, the ones that matched a ground-truth box
 * @param precision  hits / detections at the operating point (NaN without detections)
 * @param recall     hits / truths at the operating point (NaN without truths)
 * @param ap50       average precision at IoU 0.5 over all scores down to 0.05 (all-point interpolation)
 */
public record ClassMetrics(String label, int truths, int detections, int hits, double precision, double recall,
                           double ap50) {
}
