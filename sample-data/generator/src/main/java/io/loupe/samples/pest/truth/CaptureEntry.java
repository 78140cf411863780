package io.loupe.samples.pest.truth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One capture in the series index, with its counts so that a reader can follow the series without opening each file.
 *
 * @param capture     capture number, from 1
 * @param image       image path relative to {@code series.json}
 * @param truth       ground-truth path relative to {@code series.json}
 * @param time        when it was taken, ISO-8601 UTC
 * @param trapPeriod  which card, from 1
 * @param trapChanged whether the card was replaced since the previous capture
 * @param counts      insects on the card per species
 * @param newCounts   arrivals since the previous capture per species
 */
@JsonPropertyOrder({"capture", "image", "truth", "time", "trap_period", "trap_changed", "counts", "new_counts"})
public record CaptureEntry(int capture, String image, String truth, String time,
                           @JsonProperty("trap_period") int trapPeriod,
                           @JsonProperty("trap_changed") boolean trapChanged, SpeciesCounts counts,
                           @JsonProperty("new_counts") SpeciesCounts newCounts) {
}
