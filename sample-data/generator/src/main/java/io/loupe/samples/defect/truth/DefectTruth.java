package io.loupe.samples.defect.truth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.loupe.samples.core.Box;

/**
 * One defect of a part.
 *
 * @param id   number of the defect within its part, from 1
 * @param type its class
 * @param box  the pixels it darkens, in part-local coordinates (origin at the part box's top-left corner)
 */
@JsonPropertyOrder({"id", "class", "box"})
public record DefectTruth(int id, @JsonProperty("class") DefectClass type, Box box) {
}
