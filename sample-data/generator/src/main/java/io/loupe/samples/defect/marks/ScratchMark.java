package io.loupe.samples.defect.marks;

import io.loupe.samples.core.Box;
import io.loupe.samples.defect.truth.DefectClass;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A scratch: a thin straight dark groove with a faint lit edge beside it.
 *
 * @param from      one end
 * @param to        the other end
 * @param thickness line thickness in pixels
 * @param darkness  light absorbed
 */
public record ScratchMark(Pt from, Pt to, int thickness, double darkness) implements DefectMark {

    @Override
    public DefectClass type() {
        return DefectClass.SCRATCH;
    }

    @Override
    public Box extent() {
        return Draw.bounds(List.of(from, to), thickness + 2);
    }

    @Override
    public void drawCoverage(Mat coverage) {
        Draw.segment(coverage, from, to, thickness, 255);
    }

    @Override
    public void drawHighlight(Mat highlight) {
        // The groove's far wall catches the light: one pixel further down-right.
        Draw.segment(highlight, new Pt(from.x() + 1, from.y() + 1), new Pt(to.x() + 1, to.y() + 1), 1, 90);
    }
}
