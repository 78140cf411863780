package io.loupe.samples.defect.truth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.loupe.samples.core.Box;

/**
 * A defect seen in one frame.
 *
 * @param part      id of the part that carries it
 * @param defect    its number within that part
 * @param type      its class
 * @param box       its box in frame pixels, clipped to the frame
 * @param truncated whether part of it lies outside the frame (fair to miss; fair to find)
 */
@JsonPropertyOrder({"part", "defect", "class", "box", "truncated"})
public record DefectInFrame(int part, int defect, @JsonProperty("class") DefectClass type, Box box,
                            boolean truncated) {
}
