package io.loupe.samples.pest.truth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The ground truth of one capture ({@code captures/NNNN.json}).
 *
 * @param schema      {@value #SCHEMA}
 * @param capture     capture number in the series, from 1
 * @param image       the image's file name, relative to this file
 * @param time        when it was taken, ISO-8601 UTC
 * @param trap        the trap's id (one trap per series)
 * @param trapPeriod  which card this is: 1 for the first, +1 at every change of card
 * @param trapChanged whether the card was replaced since the previous capture (then every insect is an arrival)
 * @param width       image width, pixels
 * @param height      image height, pixels
 * @param insects     every insect on the card, by id
 * @param arrivals    ids of the insects that are new since the previous capture
 * @param counts      insects on the card per species
 * @param newCounts   arrivals per species
 */
@JsonPropertyOrder({"schema", "capture", "image", "time", "trap", "trap_period", "trap_changed", "width", "height",
    "counts", "new_counts", "arrivals", "insects"})
public record CaptureTruth(String schema, int capture, String image, String time, String trap,
                           @JsonProperty("trap_period") int trapPeriod,
                           @JsonProperty("trap_changed") boolean trapChanged,
                           int width, int height, SpeciesCounts counts,
                           @JsonProperty("new_counts") SpeciesCounts newCounts, List<Integer> arrivals,
                           List<InsectTruth> insects) {

    /** The schema id written into every capture file. */
    public static final String SCHEMA = "loupe.samples.pest.capture/1";

    public CaptureTruth {
        arrivals = List.copyOf(arrivals);
        insects = List.copyOf(insects);
    }
}
