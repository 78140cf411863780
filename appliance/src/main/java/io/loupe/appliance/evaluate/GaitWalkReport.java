package io.loupe.appliance.evaluate;

import java.util.List;

/**
 * What the gait pipeline made of one walk of the set.
 *
 * @param walk              the walk's number
 * @param video             its video, as {@code walks.json} names it
 * @param view              {@code side} or {@code frontal}, as generated
 * @param frames            frames played
 * @param framesWithoutPose frames with a person in the truth where the pipeline had no walker
 * @param framesMirrored    frames whose skeleton matches better with left and right swapped
 * @param pck10             PCK@0.1 over the walk's labelled keypoints
 * @param pck05             PCK@0.05
 * @param trueScore         the intended gait score 0-4
 * @param score             the walk's score: that of its longest scored bout; null when no bout was scored
 * @param trueFreezes       freezing episodes in the truth
 * @param freezesFound      of those, episodes a reported freezing overlaps in time
 * @param falseFreezes      reported freezing episodes that overlap none in the truth
 * @param trueCadenceSpm    the walk's true cadence (null: too few straight steps), for walks without a reported bout
 * @param trueStepLengthBh  the walk's true step length (null: no straight step)
 * @param bouts             every bout the pipeline reported, in order
 */
public record GaitWalkReport(int walk, String video, String view, int frames, int framesWithoutPose,
                             int framesMirrored, double pck10,
                             double pck05, int trueScore, Integer score, int trueFreezes, int freezesFound,
                             int falseFreezes, Double trueCadenceSpm, Double trueStepLengthBh,
                             List<GaitBoutError> bouts) {

    public GaitWalkReport {
        bouts = List.copyOf(bouts);
    }

    /** The score equals the intended one. */
    public boolean scoreExact() {
        return score != null && score == trueScore;
    }

    /** The score is within ±1 of the intended one (false without a score). */
    public boolean scoreWithinOne() {
        return score != null && Math.abs(score - trueScore) <= 1;
    }
}
