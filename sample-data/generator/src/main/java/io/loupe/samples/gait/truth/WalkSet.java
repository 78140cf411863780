package io.loupe.samples.gait.truth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The index of a set of walks ({@code walks.json}).
 *
 * @param schema    {@value #SCHEMA}
 * @param domain    always {@code gait}
 * @param seed      the master seed
 * @param generator scene version
 * @param fps       frames per second of every video
 * @param width     frame width
 * @param height    frame height
 * @param keypoints COCO keypoint names in order
 * @param flipIdx   index of each keypoint's mirror image
 * @param scoreRule how the intended scores were set, in words
 * @param walks     every walk
 */
@JsonPropertyOrder({"schema", "domain", "seed", "generator", "fps", "width", "height", "keypoints", "flip_idx",
    "score_rule", "walks"})
public record WalkSet(String schema, String domain, long seed, String generator, int fps, int width, int height,
                      List<String> keypoints, @JsonProperty("flip_idx") List<Integer> flipIdx,
                      @JsonProperty("score_rule") String scoreRule, List<WalkEntry> walks) {

    /** The schema id written into every index. */
    public static final String SCHEMA = "loupe.samples.gait.walks/1";

    public WalkSet {
        keypoints = List.copyOf(keypoints);
        flipIdx = List.copyOf(flipIdx);
        walks = List.copyOf(walks);
    }
}
