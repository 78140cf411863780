package io.loupe.samples.gait.truth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.loupe.samples.gait.Direction;
import io.loupe.samples.gait.View;
import java.util.List;

/**
 * The ground truth of one walk ({@code walks/NNN.json}).
 *
 * @param schema      {@value #SCHEMA}
 * @param walk        walk number, from 1
 * @param video       the video
 * @param view        side or frontal
 * @param direction   which way the walk starts
 * @param bodyHeight  the walker's height, metres: the scale for metres
 * @param score       the intended MDS-UPDRS 3.10-style gait score, 0..4 (by {@code GaitScoreRule} from {@code planned})
 * @param planned     the parameters the walk was generated from
 * @param bout        the parameters as walked
 * @param heelStrikes heel-strike frames per foot
 * @param frames      one entry per frame
 */
@JsonPropertyOrder({"schema", "walk", "video", "view", "direction", "body_height_m", "score", "planned", "bout",
    "heel_strikes", "frames"})
public record WalkTruth(String schema, int walk, VideoFile video, View view, Direction direction,
                        @JsonProperty("body_height_m") double bodyHeight, int score, PlannedGait planned,
                        BoutTruth bout, @JsonProperty("heel_strikes") HeelStrikes heelStrikes,
                        List<FrameKeypoints> frames) {

    /** The schema id written into every walk file. */
    public static final String SCHEMA = "loupe.samples.gait.walk/1";

    public WalkTruth {
        frames = List.copyOf(frames);
    }
}
