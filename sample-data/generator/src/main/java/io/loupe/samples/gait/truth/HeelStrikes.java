package io.loupe.samples.gait.truth;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Frames at which each heel strikes the floor (the frame nearest the model's exact time), turning steps included.
 *
 * @param left  left heel strikes, in order
 * @param right right heel strikes, in order
 */
@JsonPropertyOrder({"left", "right"})
public record HeelStrikes(List<Integer> left, List<Integer> right) {

    public HeelStrikes {
        left = List.copyOf(left);
        right = List.copyOf(right);
    }

    /** @return heel strikes of both feet */
    public int total() {
        return left.size() + right.size();
    }
}
