package io.loupe.pipelines.gait.analysis;

import java.util.List;

/**
 * An MDS-UPDRS 3.10-style gait score estimated from a bout's parameters by {@link GaitScoreRules}. Research use only —
 * not a medical device: see {@link #DISCLAIMER}.
 *
 * @param score       0 (normal) to 4 (cannot walk without help); null when the bout cannot be scored
 * @param confidence  0..1: how far the parameters that decided it are from their thresholds, how many of the rule's
 *                    parameters were measured, how many steps the bout had and how well the keypoints were seen
 * @param drivers     the conditions that gave the score (empty for 0: see {@code closest})
 * @param closest     for score 0, the parameters nearest to a threshold (what would first make it 1); empty otherwise
 * @param unscored    the inputs the rule could not use (not measured), by snake_case name
 * @param reason      why there is no score, or null
 * @param rules       the rule set's id and version
 */
public record GaitScore(Integer score, double confidence, List<ScoreDriver> drivers, List<ScoreDriver> closest,
                        List<String> unscored, String reason, String rules) {

    /** Shown and published wherever a score is. */
    public static final String DISCLAIMER = "Research use only — not a medical device. The gait score is estimated"
            + " by a transparent rule set from video keypoints; it is not a clinical rating.";

    public GaitScore {
        drivers = List.copyOf(drivers);
        closest = List.copyOf(closest);
        unscored = List.copyOf(unscored);
    }
}
