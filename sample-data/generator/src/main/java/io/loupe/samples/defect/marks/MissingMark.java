package io.loupe.samples.defect.marks;

import io.loupe.samples.core.Box;
import io.loupe.samples.defect.truth.DefectClass;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Missing coating or print: an irregular patch of bare, darker substrate with a slightly lifted, lit edge.
 *
 * @param outline  the patch's polygon
 * @param darkness light absorbed
 */
public record MissingMark(List<Pt> outline, double darkness) implements DefectMark {

    public MissingMark {
        outline = List.copyOf(outline);
        if (outline.size() < 3) {
            throw new IllegalArgumentException("a missing patch needs at least 3 points, got " + outline.size());
        }
    }

    @Override
    public DefectClass type() {
        return DefectClass.MISSING;
    }

    @Override
    public Box extent() {
        return Draw.bounds(outline, 2);
    }

    @Override
    public void drawCoverage(Mat coverage) {
        Draw.polygon(coverage, outline, 255);
    }

    @Override
    public void drawHighlight(Mat highlight) {
        Draw.outline(highlight, outline, 1, 70);
    }
}
