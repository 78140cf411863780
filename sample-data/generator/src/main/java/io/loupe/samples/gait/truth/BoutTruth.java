package io.loupe.samples.gait.truth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The gait parameters of the walk (one bout: the whole video) as the model walked them, measured from its exact
 * footsteps and joint angles. Step measures use the straight steps only: both heel strikes in the video, neither in
 * a turn nor the first step after a turn or a freeze. A value that cannot be measured (no straight step) is null.
 *
 * @param startFrame        first frame of the bout
 * @param endFrame          last frame
 * @param walkingSeconds    time spent neither frozen, turning nor standing
 * @param steps             heel strikes in the video, turning steps included
 * @param straightSteps     steps used for the step measures
 * @param cadence           steps per minute: 60 / mean step time
 * @param meanStepTime      seconds between consecutive heel strikes of opposite feet
 * @param stepTimeCv        standard deviation over mean of the step time
 * @param stepLength        heel-to-heel distance along the walking direction, body heights
 * @param stepLengthMetres  the same in metres, for the stated body height
 * @param speed             step length / mean step time, metres per second
 * @param armSwingLeft      left upper arm's peak-to-peak sagittal angle, degrees, mean over the straight strides
 * @param armSwingRight     the same for the right arm
 * @param armSwingAsymmetry |L - R| / max(L, R)
 * @param trunkFlexion      forward trunk lean while walking, degrees
 * @param shuffling         heel lift below 0.05 m
 * @param turns             the 180° turns
 * @param turnDuration      mean turn duration, seconds (null without a turn)
 * @param turnSteps         mean steps per turn (null without a turn)
 * @param freezing          freezing episodes
 */
@JsonPropertyOrder({"start_frame", "end_frame", "walking_s", "steps", "straight_steps", "cadence_spm",
    "mean_step_time_s", "step_time_cv", "step_length_bh", "step_length_m", "speed_m_s", "arm_swing_left_deg",
    "arm_swing_right_deg", "arm_swing_asymmetry", "trunk_flexion_deg", "shuffling", "turns", "turn_duration_s",
    "turn_steps", "freezing"})
public record BoutTruth(@JsonProperty("start_frame") int startFrame, @JsonProperty("end_frame") int endFrame,
                        @JsonProperty("walking_s") double walkingSeconds, int steps,
                        @JsonProperty("straight_steps") int straightSteps,
                        @JsonProperty("cadence_spm") Double cadence,
                        @JsonProperty("mean_step_time_s") Double meanStepTime,
                        @JsonProperty("step_time_cv") Double stepTimeCv,
                        @JsonProperty("step_length_bh") Double stepLength,
                        @JsonProperty("step_length_m") Double stepLengthMetres,
                        @JsonProperty("speed_m_s") Double speed,
                        @JsonProperty("arm_swing_left_deg") double armSwingLeft,
                        @JsonProperty("arm_swing_right_deg") double armSwingRight,
                        @JsonProperty("arm_swing_asymmetry") double armSwingAsymmetry,
                        @JsonProperty("trunk_flexion_deg") double trunkFlexion, boolean shuffling,
                        List<TurnTruth> turns, @JsonProperty("turn_duration_s") Double turnDuration,
                        @JsonProperty("turn_steps") Double turnSteps, List<FreezeTruth> freezing) {

    public BoutTruth {
        turns = List.copyOf(turns);
        freezing = List.copyOf(freezing);
    }
}
