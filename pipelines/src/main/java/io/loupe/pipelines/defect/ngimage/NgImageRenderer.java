package io.loupe.pipelines.defect.ngimage;

import io.loupe.pipelines.defect.Box;
import io.loupe.pipelines.defect.Defect;
import io.loupe.pipelines.defect.InspectionArea;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/** Draws an {@link NgOverlay} (and the anomaly heat map) onto a copy of the frame. Writer thread only. */
final class NgImageRenderer implements AutoCloseable {
    private static final Scalar RED = new Scalar(40, 40, 230, 0);
    private static final Scalar BLUE = new Scalar(230, 160, 40, 0);
    private static final Scalar GREY = new Scalar(150, 150, 150, 0);
    private static final Scalar WHITE = new Scalar(255, 255, 255, 0);
    private static final Scalar BLACK = new Scalar(0, 0, 0, 0);

    private final HeatBlend heat = new HeatBlend();

    /**
     * @param image     the frame copy, drawn on in place (8-bit BGR)
     * @param heatMap   the anomaly map over {@code heatBox} ({@code CV_32FC1}), or null
     * @param heatBox   where the map lies in the frame
     * @param heatScale the map value drawn as the hottest colour (the threshold × 2)
     */
    void draw(Mat image, NgOverlay overlay, Mat heatMap, Box heatBox, double heatScale) {
        heat.blend(image, heatMap, heatBox, heatScale);
        overlay.roi().draw(image, BLUE, 1, 0, 0);
        for (InspectionArea.Ignored r : overlay.ignore()) {
            r.polygon().draw(image, GREY, 1, 0, 0);
        }
        if (overlay.part() != null) {
            box(image, overlay.part().x(), overlay.part().y(), overlay.part().right(), overlay.part().bottom(), WHITE, 1);
        }
        for (Defect d : overlay.defects()) {
            box(image, Math.round(d.x1()), Math.round(d.y1()), Math.round(d.x2()), Math.round(d.y2()), RED, 2);
            String text = d.sizeMm() != null
                    ? String.format(Locale.ROOT, "%s %.2f %.1fmm", d.label(), d.score(), d.sizeMm())
                    : String.format(Locale.ROOT, "%s %.2f %.0fpx", d.label(), d.score(), d.sizePx());
            text(image, text, Math.round(d.x1()), Math.max(12, Math.round(d.y1()) - 4), 0.4, RED);
        }
        try (Point a = new Point(0, 0); Point b = new Point(image.cols() - 1, 22)) {
            rectangle(image, a, b, BLACK, -1, LINE_AA, 0);
        }
        text(image, overlay.banner(), 6, 16, 0.5, WHITE);
    }

    private static void box(Mat image, int x1, int y1, int x2, int y2, Scalar colour, int thickness) {
        try (Point a = new Point(x1, y1); Point b = new Point(x2, y2)) {
            rectangle(image, a, b, colour, thickness, LINE_AA, 0);
        }
    }

    private static void text(Mat image, String text, int x, int y, double scale, Scalar colour) {
        try (Point at = new Point(x, y)) {
            putText(image, text, at, FONT_HERSHEY_SIMPLEX, scale, colour, 1, LINE_AA, false);
        }
    }

    @Override
    public void close() {
        heat.close();
    }
}
