package io.loupe.samples.defect.marks;

import io.loupe.samples.core.Box;
import io.loupe.samples.defect.truth.DefectClass;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * One defect's geometry in part-local pixels. The exact ground-truth box is measured from what
 * {@link #drawCoverage(Mat)} draws, not from {@link #extent()}.
 */
public sealed interface DefectMark permits SpotMark, ScratchMark, CrackMark, MissingMark {

    /** @return its class */
    DefectClass type();

    /** @return the fraction of light it absorbs where its coverage is full, in (0, 1) */
    double darkness();

    /** @return bounds that contain everything it draws (anti-aliasing included), for placing marks apart */
    Box extent();

    /**
     * Draws its coverage into {@code coverage}, an 8-bit single-channel map of the part's size (255 = fully
     * covered), anti-aliased. Never throws for marks that lie partly outside the map: OpenCV clips.
     */
    void drawCoverage(Mat coverage);

    /** Draws its lit rims, if any, into {@code highlight}, an 8-bit single-channel map of the part's size. */
    void drawHighlight(Mat highlight);
}
