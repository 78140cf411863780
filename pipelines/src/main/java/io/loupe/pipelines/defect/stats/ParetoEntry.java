package io.loupe.pipelines.defect.stats;

/**
 * One defect class in the Pareto.
 *
 * @param label  the class ({@code anomaly} for anomaly regions)
 * @param count  counted defects of that class
 * @param share  its share of all counted defects, 0..1
 */
public record ParetoEntry(String label, long count, double share) {
}
