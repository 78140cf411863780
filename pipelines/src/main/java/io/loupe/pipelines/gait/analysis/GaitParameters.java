package io.loupe.pipelines.gait.analysis;

import java.util.List;

/**
 * The gait parameters of one bout. A value that could not be measured is null and listed in {@link #missing()} with
 * its reason. Step measures use straight steps only (both heel strikes in one walking segment: a straight stretch
 * without its freezing episodes, so never across a turn or a freeze). H is the body height estimated from the legs'
 * keypoints.
 *
 * @param steps              heel strikes found in the bout (straight walking)
 * @param straightSteps      step intervals used for the step measures
 * @param cadenceSpm         steps per minute of walking, 60 / mean step time
 * @param stepTimeS          mean time between heel strikes of opposite feet, seconds (half the feet's stride period
 *                           where the heel strikes' timing disagreed with it, see {@link GaitAnalyzer})
 * @param stepTimeCv         its coefficient of variation (SD / mean)
 * @param strideTimeS        mean time between heel strikes of the same foot
 * @param strideTimeCv       its coefficient of variation
 * @param stepLengthBh       step length in body heights (side view: pelvis progression per step; frontal view: from the
 *                           change of apparent body size, only with {@code calibration.focalLengthPx}); the body
 *                           height is the pose's shoulder-to-ankle chain, except in a side view calibrated with both
 *                           {@code metresPerPixel} and {@code subjectHeightM}: there metres over the subject's height
 * @param stepLengthM        step length in metres, when calibrated: side view with {@code metresPerPixel}, from the
 *                           pixels; otherwise the length in body heights times {@code subjectHeightM}
 * @param speedBhS           walking speed in body heights per second, step length / step time
 * @param speedMS            walking speed in metres per second, when calibrated
 * @param armSwingLeftDeg    peak-to-peak sagittal angle of the left upper arm per stride, mean, degrees (side view;
 *                           null, with the reason, where the pose model did not see the arm: the far arm)
 * @param armSwingRightDeg   the same for the right arm
 * @param armSwingAsymmetry  |L - R| / max(L, R)
 * @param trunkFlexionDeg    mean forward lean of hip-centre-to-shoulder-centre from vertical, degrees (side view)
 * @param footLiftBh         mean peak rise of the heel (ankle without heels) in swing above its contact height, body
 *                           heights (side view)
 * @param shuffling          foot lift below the shuffling threshold
 * @param turns              the turns
 * @param turnDurationS      mean turn duration, null without a turn
 * @param turnSteps          mean steps per turn, null without a turn
 * @param freezing           freezing episodes
 * @param freezingS          total freezing time, seconds
 * @param freezingShare      freezing time over the bout's duration
 * @param walkingS           time spent walking straight, freezes and turns excluded, seconds
 * @param missing            the parameters that are null, each with its reason
 */
public record GaitParameters(int steps, int straightSteps, Double cadenceSpm, Double stepTimeS, Double stepTimeCv,
                             Double strideTimeS, Double strideTimeCv, Double stepLengthBh, Double stepLengthM,
                             Double speedBhS, Double speedMS, Double armSwingLeftDeg, Double armSwingRightDeg,
                             Double armSwingAsymmetry, Double trunkFlexionDeg, Double footLiftBh, Boolean shuffling,
                             List<Turn> turns, Double turnDurationS, Double turnSteps, List<FreezeEpisode> freezing,
                             double freezingS, double freezingShare, double walkingS,
                             List<MissingParameter> missing) {

    public GaitParameters {
        turns = List.copyOf(turns);
        freezing = List.copyOf(freezing);
        missing = List.copyOf(missing);
    }

    /**
     * The smaller arm swing; the measured arm's when only one was (the other hidden from the camera: the smallest swing
     * is then at most this, so a rule "an arm swings less than X" that this meets holds); null when neither was.
     */
    public Double minArmSwingDeg() {
        if (armSwingLeftDeg == null || armSwingRightDeg == null) {
            return armSwingLeftDeg == null ? armSwingRightDeg : armSwingLeftDeg;
        }
        return Math.min(armSwingLeftDeg, armSwingRightDeg);
    }

    /** Whether {@code name} is listed as missing. */
    public boolean isMissing(String name) {
        return missing.stream().anyMatch(m -> m.name().equals(name));
    }
}
