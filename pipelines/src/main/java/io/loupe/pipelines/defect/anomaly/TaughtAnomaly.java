package io.loupe.pipelines.defect.anomaly;

import java.time.Instant;

/**
 * An anomaly file as read: the scorer (for the classical kinds) and the threshold.
 *
 * @param kind        which scorer
 * @param scorer      the learnt scorer for {@link AnomalyKind#TEMPLATE} and {@link AnomalyKind#PATCHES}; null for
 *                    {@link AnomalyKind#MODEL} (the pipeline's model scores)
 * @param threshold   the taught threshold
 * @param rule        the rule that gave it, as written, e.g. {@code MAX_TIMES_MARGIN 1.2}
 * @param goodCount   good images it was taught with
 * @param goodMax     highest held-out good score
 * @param modelSha256 for {@link AnomalyKind#MODEL}: the model it was taught for; empty otherwise
 * @param taughtAt    when
 */
public record TaughtAnomaly(AnomalyKind kind, LearningScorer scorer, double threshold, String rule, int goodCount,
                            double goodMax, String modelSha256, Instant taughtAt) {
}
