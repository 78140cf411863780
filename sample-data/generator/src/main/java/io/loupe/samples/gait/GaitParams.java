package io.loupe.samples.gait;

import java.util.List;

/**
 * The gait of one walk, as planned; the kinematic model ({@link GaitModel}) walks exactly this.
 *
 * @param direction       view and the way the walk starts
 * @param bodyHeight      metres
 * @param cadence         steps per minute while walking straight
 * @param stepLength      step length (heel to heel of consecutive steps) in body heights
 * @param stepTimeCv      coefficient of variation of the step time
 * @param armSwingLeft    peak-to-peak sagittal swing of the left upper arm, degrees
 * @param armSwingRight   peak-to-peak sagittal swing of the right upper arm, degrees
 * @param elbowFlexion    elbow flexion when the arm hangs, degrees
 * @param trunkFlexion    forward lean of the trunk from vertical, degrees
 * @param headFlexion     forward tilt of the head relative to the trunk, degrees
 * @param footLift        peak height of the heel above its straight path in mid-swing, metres (below 0.05: shuffling)
 * @param footRoll        scale of heel-strike dorsiflexion and push-off, 1 normal, near 0 flat-footed
 * @param crouch          knee-bent posture: the hips are lowered by this share of the leg length
 * @param tremor          rest tremor amplitude of the arms, degrees (also the trembling while frozen)
 * @param freezes         planned freezing episodes, in time order, not overlapping
 * @param turnDuration    seconds a 180° turn takes
 * @param turnSteps       steps a 180° turn takes
 * @param turnLeft        whether turns go to the left (counter-clockwise seen from above)
 */
public record GaitParams(Direction direction, double bodyHeight, double cadence, double stepLength, double stepTimeCv,
                         double armSwingLeft, double armSwingRight, double elbowFlexion, double trunkFlexion,
                         double headFlexion, double footLift, double footRoll, double crouch, double tremor,
                         List<FreezePlan> freezes, double turnDuration, int turnSteps, boolean turnLeft) {

    public GaitParams {
        freezes = List.copyOf(freezes);
        if (cadence < 30 || cadence > 180) {
            throw new IllegalArgumentException("cadence must be 30..180 steps/min, got " + cadence);
        }
        if (stepLength <= 0 || stepLength > 0.6) {
            throw new IllegalArgumentException("step length must be in (0, 0.6] body heights, got " + stepLength);
        }
        if (turnSteps < 2) {
            throw new IllegalArgumentException("a 180° turn takes at least 2 steps, got " + turnSteps);
        }
    }

    /** @return this gait with {@code planned} as its freezes */
    public GaitParams withFreezes(List<FreezePlan> planned) {
        return new GaitParams(direction, bodyHeight, cadence, stepLength, stepTimeCv, armSwingLeft, armSwingRight,
                elbowFlexion, trunkFlexion, headFlexion, footLift, footRoll, crouch, tremor, planned, turnDuration,
                turnSteps, turnLeft);
    }

    /** @return step length in metres */
    public double stepLengthMetres() {
        return stepLength * bodyHeight;
    }

    /** @return mean step time, seconds */
    public double stepTime() {
        return 60 / cadence;
    }

    /** @return walking speed while walking straight, metres per second */
    public double speed() {
        return stepLengthMetres() / stepTime();
    }

    /** @return the smaller arm swing, degrees */
    public double minArmSwing() {
        return Math.min(armSwingLeft, armSwingRight);
    }

    /** @return |left - right| / max(left, right), 0 when neither arm swings */
    public double armSwingAsymmetry() {
        double max = Math.max(armSwingLeft, armSwingRight);
        return max <= 0 ? 0 : Math.abs(armSwingLeft - armSwingRight) / max;
    }

    /** @return total planned freezing time, seconds */
    public double freezeSeconds() {
        return freezes.stream().mapToDouble(FreezePlan::duration).sum();
    }

    /** @return whether the feet barely leave the floor */
    public boolean shuffling() {
        return footLift < GaitScoreRule.SHUFFLE_LIFT;
    }
}
