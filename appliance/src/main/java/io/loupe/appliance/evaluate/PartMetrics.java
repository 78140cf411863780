package io.loupe.appliance.evaluate;

/**
 * How the whole pipeline judged the parts of a set.
 *
 * @param parts    ground-truth parts
 * @param judged   parts that got exactly one verdict
 * @param correct  judged parts whose verdict is the ground truth's
 * @param missed   parts that got no verdict
 * @param extra    verdicts that matched no part, or a part a second time
 * @param accuracy correct / parts
 */
public record PartMetrics(int parts, int judged, int correct, int missed, int extra, double accuracy) {
}
