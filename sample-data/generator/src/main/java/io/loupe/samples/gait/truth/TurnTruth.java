package io.loupe.samples.gait.truth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A 180° turn: from the last straight heel strike before it to the heel strike of its last step.
 *
 * @param start     seconds from the first frame
 * @param end       seconds
 * @param duration  {@code end - start}
 * @param steps     steps it took
 * @param direction {@code left} (counter-clockwise seen from above) or {@code right}
 */
@JsonPropertyOrder({"start_s", "end_s", "duration_s", "steps", "direction"})
public record TurnTruth(@JsonProperty("start_s") double start, @JsonProperty("end_s") double end,
                        @JsonProperty("duration_s") double duration, int steps, String direction) {
}
