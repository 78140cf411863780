package io.loupe.samples.defect.marks;

import io.loupe.samples.core.Box;
import io.loupe.samples.defect.truth.DefectClass;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A crack: a jagged dark polyline.
 *
 * @param points    its vertices in order
 * @param thickness line thickness in pixels
 * @param darkness  light absorbed
 */
public record CrackMark(List<Pt> points, int thickness, double darkness) implements DefectMark {

    public CrackMark {
        points = List.copyOf(points);
        if (points.size() < 2) {
            throw new IllegalArgumentException("a crack needs at least 2 points, got " + points.size());
        }
    }

    @Override
    public DefectClass type() {
        return DefectClass.CRACK;
    }

    @Override
    public Box extent() {
        return Draw.bounds(points, thickness + 2);
    }

    @Override
    public void drawCoverage(Mat coverage) {
        Draw.path(coverage, points, thickness, 255);
    }

    @Override
    public void drawHighlight(Mat highlight) {
        // A crack has no lit rim.
    }
}
