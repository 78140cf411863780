package io.loupe.pipelines.defect.anomaly;

/**
 * The threshold rule of a teach run.
 *
 * @param rule   which rule
 * @param margin the factor on the highest good score ({@link ThresholdRule#MAX_TIMES_MARGIN}), >= 1
 * @param k      the number of standard deviations above the mean ({@link ThresholdRule#MEAN_PLUS_K_SIGMA}), > 0
 */
public record TeachRule(ThresholdRule rule, double margin, double k) {

    public TeachRule {
        if (rule == null) {
            rule = ThresholdRule.MAX_TIMES_MARGIN;
        }
        if (!(margin >= 1)) {
            throw new IllegalArgumentException("teach margin must be >= 1 (a factor on the highest good score), got "
                    + margin);
        }
        if (!(k > 0)) {
            throw new IllegalArgumentException("teach k must be > 0 (standard deviations), got " + k);
        }
    }

    /** {@code max × 1.2}. */
    public static TeachRule defaults() {
        return new TeachRule(ThresholdRule.MAX_TIMES_MARGIN, 1.2, 3);
    }

    /** The threshold for good scores with these statistics. */
    public double threshold(double mean, double std, double max) {
        return rule == ThresholdRule.MAX_TIMES_MARGIN ? max * margin : mean + k * std;
    }
}
