package io.loupe.samples.gait;

import java.util.List;

/**
 * Where and when every foot lands in a walk, and the pelvis path that goes with it. Made by {@link StepPlanner};
 * {@link GaitModel} turns it into a pose at any time.
 *
 * @param steps     every heel strike in time order, feet alternating, from before the video starts to after it ends
 * @param keys      pelvis key frames (time order): at each heel strike, at the ends of each freeze, at a stop
 * @param freezes   freezing episodes as walked: both feet stand still (the pelvis trembles) from shortly after the
 *                  heel strike at which the freeze begins until a heel rises again
 * @param turns     the 180° turns
 * @param stopAt    when the walker stops for good (the walkway's end with no time to turn), or +infinity
 */
public record StepPlan(List<Footstep> steps, List<PelvisKey> keys, List<Interval> freezes, List<TurnSpan> turns,
                       double stopAt) {

    public StepPlan {
        steps = List.copyOf(steps);
        keys = List.copyOf(keys);
        freezes = List.copyOf(freezes);
        turns = List.copyOf(turns);
    }

    /**
     * A pelvis key frame: at {@code time} the pelvis is above {@code ground}, the body facing {@code heading}.
     *
     * @param hold whether the pelvis is still here (zero velocity): at the ends of a freeze or a stop
     */
    public record PelvisKey(double time, Vec3 ground, double heading, boolean hold) {
    }

    /** @return what the walker does at {@code t} */
    public GaitState state(double t) {
        if (t >= stopAt) {
            return GaitState.STANDING;
        }
        for (Interval f : freezes) {
            if (f.contains(t)) {
                return GaitState.FREEZING;
            }
        }
        for (TurnSpan turn : turns) {
            if (turn.time().contains(t)) {
                return GaitState.TURNING;
            }
        }
        return GaitState.WALKING;
    }
}
