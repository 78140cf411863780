package io.loupe.samples.defect.truth;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.loupe.samples.core.Box;

/**
 * A part seen in one frame.
 *
 * @param id        the part's id
 * @param box       its box in frame pixels, clipped to the frame
 * @param truncated whether part of it lies outside the frame
 */
@JsonPropertyOrder({"id", "box", "truncated"})
public record PartInFrame(int id, Box box, boolean truncated) {
}
