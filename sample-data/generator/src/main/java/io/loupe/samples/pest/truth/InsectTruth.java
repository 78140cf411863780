package io.loupe.samples.pest.truth;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.loupe.samples.core.Box;

/**
 * One insect on the card in one capture.
 *
 * @param id      the insect's id, stable across the captures of the series, from 1
 * @param species what it is
 * @param box     its exact box in this capture's image (every pixel it covers at least a quarter), {@code [x, y, w, h]}
 * @param arrived the capture it first appears in
 */
@JsonPropertyOrder({"id", "species", "box", "arrived"})
public record InsectTruth(int id, Species species, Box box, int arrived) {
}
