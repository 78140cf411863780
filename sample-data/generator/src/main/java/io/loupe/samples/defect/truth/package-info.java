/**
 * The ground truth of the defect scene and its vocabulary: which parts pass through which frames, where their
 * defects are, and each part's verdict. {@link io.loupe.samples.defect.truth.GroundTruthFiles} reads and writes it as
 * {@code ground-truth.json}; other modules may read it to measure a pipeline against the demo video.
 *
 * <p>Boxes are {@code [x, y, w, h]} in whole pixels, top-left origin: frame coordinates in
 * {@link io.loupe.samples.defect.truth.FrameTruth}, part-local coordinates in
 * {@link io.loupe.samples.defect.truth.PartTruth}.
 */
package io.loupe.samples.defect.truth;
