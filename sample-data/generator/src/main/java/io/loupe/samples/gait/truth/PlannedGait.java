package io.loupe.samples.gait.truth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The gait parameters the walk was generated from (what {@code GaitScoreRule} scores).
 *
 * @param cadence       steps per minute
 * @param stepLength    step length, body heights
 * @param stepTimeCv    coefficient of variation of the step time
 * @param armSwingLeft  peak-to-peak swing of the left upper arm, degrees
 * @param armSwingRight peak-to-peak swing of the right upper arm, degrees
 * @param elbowFlexion  resting elbow flexion, degrees
 * @param trunkFlexion  forward trunk lean, degrees
 * @param headFlexion   extra forward head tilt, degrees
 * @param footLift      heel lift in mid-swing, metres
 * @param shuffling     heel lift below 0.05 m
 * @param tremor        rest tremor amplitude, degrees
 * @param freezes       planned episodes ({@code start_s}, {@code duration_s})
 * @param turnDuration  seconds per 180° turn
 * @param turnSteps     steps per 180° turn
 */
@JsonPropertyOrder({"cadence_spm", "step_length_bh", "step_time_cv", "arm_swing_left_deg", "arm_swing_right_deg",
    "elbow_flexion_deg", "trunk_flexion_deg", "head_flexion_deg", "foot_lift_m", "shuffling", "tremor_deg", "freezes",
    "turn_duration_s", "turn_steps"})
public record PlannedGait(@JsonProperty("cadence_spm") double cadence,
                          @JsonProperty("step_length_bh") double stepLength,
                          @JsonProperty("step_time_cv") double stepTimeCv,
                          @JsonProperty("arm_swing_left_deg") double armSwingLeft,
                          @JsonProperty("arm_swing_right_deg") double armSwingRight,
                          @JsonProperty("elbow_flexion_deg") double elbowFlexion,
                          @JsonProperty("trunk_flexion_deg") double trunkFlexion,
                          @JsonProperty("head_flexion_deg") double headFlexion,
                          @JsonProperty("foot_lift_m") double footLift, boolean shuffling,
                          @JsonProperty("tremor_deg") double tremor, List<PlannedFreeze> freezes,
                          @JsonProperty("turn_duration_s") double turnDuration,
                          @JsonProperty("turn_steps") int turnSteps) {

    public PlannedGait {
        freezes = List.copyOf(freezes);
    }

    /**
     * @param start    seconds
     * @param duration seconds
     */
    @JsonPropertyOrder({"start_s", "duration_s"})
    public record PlannedFreeze(@JsonProperty("start_s") double start, @JsonProperty("duration_s") double duration) {
    }
}
