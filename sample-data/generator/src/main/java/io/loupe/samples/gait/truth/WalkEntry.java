package io.loupe.samples.gait.truth;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.loupe.samples.gait.Direction;
import io.loupe.samples.gait.View;

/**
 * One walk in the set's index.
 *
 * @param walk      number, from 1
 * @param video     video path relative to {@code walks.json}
 * @param truth     ground-truth path relative to {@code walks.json}
 * @param view      side or frontal
 * @param direction which way it starts
 * @param score     intended gait score
 * @param seconds   length
 * @param frames    frames
 */
@JsonPropertyOrder({"walk", "video", "truth", "view", "direction", "score", "seconds", "frames"})
public record WalkEntry(int walk, String video, String truth, View view, Direction direction, int score,
                        double seconds, int frames) {
}
