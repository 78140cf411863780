package io.loupe.appliance.evaluate;

/**
 * How well the pest pipeline counted one species over a trap series.
 *
 * @param species       the species
 * @param trueTotal     insects of it on the card, summed over the captures
 * @param countedTotal  insects of it the pipeline counted, summed over the captures
 * @param countError    |counted - true| / true over the sums (NaN when none were there)
 * @param meanAbsError  mean over the captures of |counted - true|
 * @param trueArrivals  new insects of it, summed over the captures
 * @param arrivals      new insects the pipeline reported
 * @param arrivalError  |reported - true| / true over the sums (NaN when none arrived)
 */
public record SpeciesCountError(String species, int trueTotal, int countedTotal, double countError,
                                double meanAbsError, int trueArrivals, int arrivals, double arrivalError) {
}
