package io.loupe.samples.gait;

/**
 * The intended MDS-UPDRS 3.10-style gait score of a walk, from its planned parameters. Written down here so that the
 * ground truth says how each score was meant; the first rule that matches wins:
 *
 * <pre>
 * 4  cannot walk without help:   freezing for at least 35 % of the walk, or step length below 0.10 body heights
 * 3  would need an aid:          any freezing episode, or step length below 0.22 body heights
 * 2  clearly impaired:           step length below 0.30, or shuffling (heel lift below 0.05 m), or cadence below
 *                                90 steps/min, or an arm swinging less than 12°, or trunk flexion of 20° or more
 * 1  slightly impaired:          step length below 0.40, or an arm swinging less than 28°, or arm-swing asymmetry of
 *                                0.25 or more, or trunk flexion of 8° or more, or cadence below 100 steps/min
 * 0  normal:                     none of the above
 * </pre>
 *
 * Arm swing is the peak-to-peak sagittal angle of the upper arm; asymmetry is |L - R| / max(L, R). The real
 * MDS-UPDRS item is rated by a clinician watching the walk; this rule is how the synthetic walks are made to span it.
 */
public final class GaitScoreRule {

    /** Heel lift below which the gait counts as shuffling, metres. */
    public static final double SHUFFLE_LIFT = 0.05;
    /** The rule in one line per score, for the ground truth's index. */
    public static final String TEXT = "4: freezing >= 35% of the walk or step length < 0.10 H; "
            + "3: any freezing or step length < 0.22 H; "
            + "2: step length < 0.30 H or shuffling (heel lift < 0.05 m) or cadence < 90/min or an arm swing < 12 deg "
            + "or trunk flexion >= 20 deg; "
            + "1: step length < 0.40 H or an arm swing < 28 deg or arm-swing asymmetry >= 0.25 or trunk flexion >= 8 deg "
            + "or cadence < 100/min; 0: otherwise (H = body height)";

    private GaitScoreRule() {
    }

    /**
     * @param seconds length of the walk
     * @return the score 0..4
     */
    public static int score(GaitParams p, double seconds) {
        double freezing = p.freezeSeconds() / seconds;
        if (freezing >= 0.35 || p.stepLength() < 0.10) {
            return 4;
        }
        if (!p.freezes().isEmpty() || p.stepLength() < 0.22) {
            return 3;
        }
        if (p.stepLength() < 0.30 || p.shuffling() || p.cadence() < 90 || p.minArmSwing() < 12
                || p.trunkFlexion() >= 20) {
            return 2;
        }
        if (p.stepLength() < 0.40 || p.minArmSwing() < 28 || p.armSwingAsymmetry() >= 0.25 || p.trunkFlexion() >= 8
                || p.cadence() < 100) {
            return 1;
        }
        return 0;
    }
}
