package io.loupe.pipelines.gait.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The transparent rule set that turns a bout's {@link GaitParameters} into an MDS-UPDRS 3.10-style gait score
 * ({@value #ID}). The first score whose any condition holds wins, from 4 down:
 *
 * <pre>
 * 4  cannot walk without help   freezing for at least 35 % of the bout, or step length below 0.10 H
 * 3  would need an aid          any freezing episode, or step length below 0.22 H
 * 2  clearly impaired           step length below 0.30 H, shuffling (foot lift below the shuffling threshold),
 *                               cadence below 90 steps/min, an arm swinging less than 12°, or trunk flexion of 20°
 *                               or more
 * 1  slightly impaired          step length below 0.40 H, an arm swinging less than 28°, arm-swing asymmetry of 0.25
 *                               or more, trunk flexion of 8° or more, or cadence below 100 steps/min
 * 0  normal                     none of the above
 * </pre>
 *
 * H is body height. Sources of the anchors and thresholds:
 * <ul>
 *   <li>The scale: MDS-UPDRS part III item 3.10 "Gait" (Goetz et al., Mov Disord 23, 2008): 0 normal; 1 slight
 *       (independent walking, minor impairment); 2 mild (independent, substantial impairment); 3 moderate (needs an
 *       assistance device); 4 severe (cannot walk, or only with another person's help). Freezing is rated in item
 *       3.11; here any freezing episode lifts the gait score to at least 3 because it makes walking unsafe without
 *       an aid.</li>
 *   <li>Step length: healthy adults step about 0.40–0.45 body heights at comfortable speed (stride about 0.8–0.9 H);
 *       shortened steps are the hallmark of parkinsonian gait (Morris et al., Brain 117, 1994).</li>
 *   <li>Cadence: 100 steps/min is the usual threshold of purposeful adult walking (Tudor-Locke et al., Br J Sports Med
 *       2018–2019 "cadence thresholds"); below 90 is clearly slow.</li>
 *   <li>Arm swing: reduced and asymmetric arm swing is an early sign of Parkinson's disease; asymmetry index
 *       |L - R| / max(L, R) as in Lewek et al., Gait Posture 31, 2010.</li>
 *   <li>Trunk flexion: stooped posture of 8° and more, camptocormia far beyond (Doherty et al., Lancet Neurol 10,
 *       2011, "Postural deformities in Parkinson's disease").</li>
 *   <li>Freezing of gait: Nutt et al., Lancet Neurol 10, 2011.</li>
 * </ul>
 * The thresholds are the same as the synthetic demo walks' intended-score rule ({@code sample-data/gait/README.md}),
 * so the demo set is scored by the rule it was made with; they are not validated against clinicians' ratings.
 *
 * <p>A parameter that was not measured cannot trigger its condition; it is listed in {@link GaitScore#unscored()}
 * and lowers the confidence. With one arm unseen (the far arm in a side view), "an arm swinging less than" uses the
 * seen arm ({@link GaitParameters#minArmSwingDeg()}: the smaller swing can only be smaller) and asymmetry is
 * unscored. A bout without cadence (fewer than two straight steps) gets no score, unless freezing
 * alone gives it 3 or 4.
 */
public final class GaitScoreRules {
    public static final String ID = "loupe-gait-rules/1";

    private record Condition(String parameter, int score, double threshold, boolean below, String rule) {
    }

    private static final List<Condition> CONDITIONS = List.of(
            new Condition("freezing_share", 4, 0.35, false, "freezing >= 35 % of the bout"),
            new Condition("step_length_bh", 4, 0.10, true, "step length < 0.10 H"),
            new Condition("freezing_episodes", 3, 1, false, "any freezing episode"),
            new Condition("step_length_bh", 3, 0.22, true, "step length < 0.22 H"),
            new Condition("step_length_bh", 2, 0.30, true, "step length < 0.30 H"),
            new Condition("foot_lift_bh", 2, Double.NaN, true, "foot lift below the shuffling threshold"),
            new Condition("cadence_spm", 2, 90, true, "cadence < 90 steps/min"),
            new Condition("min_arm_swing_deg", 2, 12, true, "an arm swing < 12 deg"),
            new Condition("trunk_flexion_deg", 2, 20, false, "trunk flexion >= 20 deg"),
            new Condition("step_length_bh", 1, 0.40, true, "step length < 0.40 H"),
            new Condition("min_arm_swing_deg", 1, 28, true, "an arm swing < 28 deg"),
            new Condition("arm_swing_asymmetry", 1, 0.25, false, "arm-swing asymmetry >= 0.25"),
            new Condition("trunk_flexion_deg", 1, 8, false, "trunk flexion >= 8 deg"),
            new Condition("cadence_spm", 1, 100, true, "cadence < 100 steps/min"));
    /** The rule's inputs, for completeness. */
    private static final List<String> INPUTS = List.of("freezing_share", "step_length_bh", "foot_lift_bh",
            "cadence_spm", "min_arm_swing_deg", "trunk_flexion_deg", "arm_swing_asymmetry");
    /** Steps for full step evidence. */
    static final int FULL_EVIDENCE_STEPS = 8;
    /** Relative distance from a threshold beyond which a decision is clear. */
    static final double CLEAR_MARGIN = 0.15;

    private final double shufflingLiftBh;

    /** @param shufflingLiftBh foot lift below this (body heights) is shuffling */
    public GaitScoreRules(double shufflingLiftBh) {
        this.shufflingLiftBh = shufflingLiftBh;
    }

    /**
     * Scores a bout.
     *
     * @param keypointQuality 0..1, the share of the bout's samples in which the keypoints were seen
     */
    public GaitScore score(GaitParameters p, double keypointQuality) {
        List<ScoreDriver> drivers = new ArrayList<>();
        List<ScoreDriver> near = new ArrayList<>();
        int score = 0;
        for (int level = 4; level >= 1 && score == 0; level--) {
            for (Condition c : CONDITIONS) {
                if (c.score() != level) {
                    continue;
                }
                Double v = value(p, c.parameter());
                double threshold = threshold(c);
                if (v == null) {
                    continue;
                }
                boolean holds = c.below() ? v < threshold : v >= threshold;
                if (holds) {
                    drivers.add(new ScoreDriver(c.parameter(), v, threshold, c.rule(), level));
                    score = level;
                } else if (level == 1) {
                    near.add(new ScoreDriver(c.parameter(), v, threshold, c.rule(), level));
                }
            }
        }
        if (p.cadenceSpm() == null && score < 3) {
            return new GaitScore(null, 0, List.of(), List.of(), unscored(p), "too few straight steps to score ("
                    + p.straightSteps() + ") and no freezing", ID);
        }
        List<String> unscored = unscored(p);
        double completeness = (INPUTS.size() - unscored.size()) / (double) INPUTS.size();
        double evidence = Math.min(1.0, p.straightSteps() / (double) FULL_EVIDENCE_STEPS);
        double margin;
        List<ScoreDriver> closest = List.of();
        if (score > 0) {
            margin = drivers.stream().mapToDouble(GaitScoreRules::margin).max().orElse(1);
        } else {
            near.sort(Comparator.comparingDouble(GaitScoreRules::margin));
            closest = near.subList(0, Math.min(3, near.size()));
            margin = near.isEmpty() ? 1 : margin(near.get(0));
        }
        double marginFactor = 0.5 + 0.5 * Math.min(1, margin / CLEAR_MARGIN);
        double quality = Math.max(0, Math.min(1, keypointQuality));
        double confidence = completeness * (0.5 + 0.5 * evidence) * marginFactor * quality;
        return new GaitScore(score, Math.round(confidence * 100) / 100.0, drivers, closest, unscored, null, ID);
    }

    private double threshold(Condition c) {
        return Double.isNaN(c.threshold()) ? shufflingLiftBh : c.threshold();
    }

    private static double margin(ScoreDriver d) {
        if (d.parameter().equals("freezing_episodes")) {
            return 1;
        }
        return d.threshold() == 0 ? 1 : Math.abs(d.value() - d.threshold()) / Math.abs(d.threshold());
    }

    private static Double value(GaitParameters p, String name) {
        return switch (name) {
            case "freezing_share" -> p.freezingShare();
            case "freezing_episodes" -> (double) p.freezing().size();
            case "step_length_bh" -> p.stepLengthBh();
            case "foot_lift_bh" -> p.footLiftBh();
            case "cadence_spm" -> p.cadenceSpm();
            case "min_arm_swing_deg" -> p.minArmSwingDeg();
            case "trunk_flexion_deg" -> p.trunkFlexionDeg();
            case "arm_swing_asymmetry" -> p.armSwingAsymmetry();
            default -> throw new IllegalStateException("unknown rule input " + name);
        };
    }

    private static List<String> unscored(GaitParameters p) {
        List<String> out = new ArrayList<>();
        for (String input : INPUTS) {
            if (value(p, input) == null) {
                out.add(input);
            }
        }
        return out;
    }
}
