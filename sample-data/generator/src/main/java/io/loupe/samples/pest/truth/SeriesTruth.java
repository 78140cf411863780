package io.loupe.samples.pest.truth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The index of a trap series ({@code series.json}).
 *
 * @param schema        {@value #SCHEMA}
 * @param domain        always {@code pest}
 * @param seed          the master seed it was generated from
 * @param generator     the generator's scene version: a new version may draw different scenes from the same seed
 * @param trap          the trap's id
 * @param width         image width, pixels
 * @param height        image height, pixels
 * @param pxPerMm       image scale on the card, pixels per millimetre
 * @param gridMm        spacing of the card's printed grid, millimetres
 * @param intervalHours time between captures, hours
 * @param species       species labels; a label's index here is its YOLO class id
 * @param captures      every capture, in order
 */
@JsonPropertyOrder({"schema", "domain", "seed", "generator", "trap", "width", "height", "px_per_mm", "grid_mm",
    "interval_hours", "species", "captures"})
public record SeriesTruth(String schema, String domain, long seed, String generator, String trap, int width,
                          int height, @JsonProperty("px_per_mm") double pxPerMm,
                          @JsonProperty("grid_mm") double gridMm,
                          @JsonProperty("interval_hours") int intervalHours, List<Species> species,
                          List<CaptureEntry> captures) {

    /** The schema id written into every series index. */
    public static final String SCHEMA = "loupe.samples.pest.series/1";

    public SeriesTruth {
        species = List.copyOf(species);
        captures = List.copyOf(captures);
    }
}
