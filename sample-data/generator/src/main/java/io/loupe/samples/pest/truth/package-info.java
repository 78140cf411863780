/**
 * The ground truth of a sticky-trap series and its vocabulary: which insects ({@link
 * io.loupe.samples.pest.truth.Species}) are on the card in each capture, where, which are new, and the counts.
 * {@link io.loupe.samples.pest.truth.PestTruthFiles} reads and writes {@code series.json} and
 * {@code captures/NNNN.json}; field names are snake_case (see {@code sample-data/pest/README.md}).
 *
 * <p>Boxes are {@code [x, y, w, h]} in whole pixels of the full-size capture, top-left origin.
 */
package io.loupe.samples.pest.truth;
