package io.loupe.samples.gait.truth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A freezing episode as walked: the feet stand still (trembling) from {@code start} to {@code end}.
 *
 * @param start      seconds from the first frame
 * @param end        seconds
 * @param startFrame first frame of the episode
 * @param endFrame   last frame of the episode
 */
@JsonPropertyOrder({"start_s", "end_s", "start_frame", "end_frame"})
public record FreezeTruth(@JsonProperty("start_s") double start, @JsonProperty("end_s") double end,
                          @JsonProperty("start_frame") int startFrame, @JsonProperty("end_frame") int endFrame) {
}
