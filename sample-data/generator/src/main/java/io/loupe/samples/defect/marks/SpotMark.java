package io.loupe.samples.defect.marks;

import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.ellipse;

import io.loupe.samples.core.Box;
import io.loupe.samples.defect.truth.DefectClass;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A dark spot or dent: a filled ellipse; a dent also gets a lit rim on the side facing away from the light
 * (the light comes from the top left).
 *
 * @param center   centre
 * @param radiusX  semi-axis along its angle, pixels
 * @param radiusY  other semi-axis, pixels
 * @param angleDeg rotation in degrees
 * @param darkness light absorbed
 * @param dent     whether to draw a lit rim
 */
public record SpotMark(Pt center, int radiusX, int radiusY, int angleDeg, double darkness, boolean dent)
        implements DefectMark {

    @Override
    public DefectClass type() {
        return DefectClass.SPOT;
    }

    @Override
    public Box extent() {
        int r = Math.max(radiusX, radiusY) + 2;
        return Box.ofCorners(center.x() - r, center.y() - r, center.x() + r + 1, center.y() + r + 1);
    }

    @Override
    public void drawCoverage(Mat coverage) {
        draw(coverage, 0, 360, FILLED, 255);
    }

    @Override
    public void drawHighlight(Mat highlight) {
        if (dent) {
            // OpenCV angles run clockwise from +x in image axes: -angle..90-angle is the lower-right arc.
            draw(highlight, -angleDeg, 90 - angleDeg, 1, 200);
        }
    }

    private void draw(Mat into, double from, double to, int thickness, double value) {
        try (Point c = center.toPoint(); Size axes = new Size(radiusX, radiusY); Scalar color = Scalar.all(value)) {
            ellipse(into, c, axes, angleDeg, from, to, color, thickness, LINE_AA, 0);
        }
    }
}
