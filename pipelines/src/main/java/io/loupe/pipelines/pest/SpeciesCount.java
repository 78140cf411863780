package io.loupe.pipelines.pest;

/**
 * The numbers of one species on one trap, as of one capture.
 *
 * @param species  the model's label
 * @param count    insects of it seen in this capture
 * @param arrivals of those, the new ones since the previous capture
 * @param day      arrivals today (local day of the trap's time zone)
 * @param week     arrivals this ISO week (from Monday)
 * @param period   arrivals since the card was last changed
 */
public record SpeciesCount(String species, int count, int arrivals, int day, int week, int period) {
}
