package io.loupe.appliance.evaluate;

import java.util.List;

/**
 * What {@code loupe evaluate --pipeline pest} measured on a trap series.
 *
 * @param data         the series folder
 * @param model        the model file
 * @param captures     captures in the series
 * @param tile         tile side in pixels, and {@code overlap} the fraction shared, as the pipeline runs
 * @param overlap      tile overlap
 * @param tiled        per-species detection quality with tiles (as the pipeline runs), on the full-size captures
 * @param wholeFrame   the same with the whole frame letterboxed into the model's input, for comparison
 * @param counts       per-species count and arrival errors of the whole pipeline (tiles, matching, card changes)
 * @param cardChanges  card changes in the series
 * @param cardChangesFound card changes the pipeline reported at the right capture
 * @param falseCardChanges card changes the pipeline reported where there was none
 */
public record PestReport(String data, String model, int captures, int tile, double overlap, List<ClassMetrics> tiled,
                         List<ClassMetrics> wholeFrame, List<SpeciesCountError> counts, int cardChanges,
                         int cardChangesFound, int falseCardChanges) {

    /** The worst per-species count error (NaN when no species was present). */
    public double worstCountError() {
        return counts.stream().mapToDouble(SpeciesCountError::countError).filter(v -> !Double.isNaN(v)).max()
                .orElse(Double.NaN);
    }

    /** Recall over all species at the operating point, with tiles or on the whole frame. */
    public static double recall(List<ClassMetrics> classes) {
        int truths = classes.stream().mapToInt(ClassMetrics::truths).sum();
        int hits = classes.stream().mapToInt(ClassMetrics::hits).sum();
        return truths == 0 ? Double.NaN : (double) hits / truths;
    }
}
