package io.loupe.pipelines.defect;

/**
 * The anomaly path's judgement of one part.
 *
 * @param scorer    which scorer ({@code template}, {@code patches}, {@code model:<id>})
 * @param score     the part's anomaly score: the highest anomaly-map value inside the ROI and outside the ignore
 *                  regions (the scorer's image score when it gives no map)
 * @param threshold the score at or above which the part is anomalous
 */
public record AnomalyOutcome(String scorer, double score, double threshold) {

    public boolean anomalous() {
        return score >= threshold;
    }
}
