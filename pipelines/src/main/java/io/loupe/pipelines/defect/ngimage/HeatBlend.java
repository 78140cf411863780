package io.loupe.pipelines.defect.ngimage;

import io.loupe.pipelines.defect.Box;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.COLORMAP_JET;
import static org.bytedeco.opencv.global.opencv_imgproc.applyColorMap;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Blends an anomaly heat map onto an image (JET colours, 45 %), in OpenCV on reused buffers. One thread at a time.
 */
public final class HeatBlend implements AutoCloseable {
    private final Mat heat8 = new Mat();
    private final Mat coloured = new Mat();
    private final Mat sized = new Mat();

    /**
     * @param image   8-bit BGR, drawn on in place
     * @param heatMap {@code CV_32FC1} map over {@code box}
     * @param box     where the map lies in the image (clipped to it)
     * @param scale   the map value drawn as the hottest colour (e.g. twice the threshold); nothing is drawn when 0
     */
    public void blend(Mat image, Mat heatMap, Box box, double scale) {
        if (heatMap == null || heatMap.empty() || box == null || box.isEmpty() || !(scale > 0)) {
            return;
        }
        Box clipped = box.intersect(new Box(0, 0, image.cols(), image.rows()));
        if (clipped.isEmpty()) {
            return;
        }
        heatMap.convertTo(heat8, CV_8U, 255.0 / scale, 0);
        applyColorMap(heat8, coloured, COLORMAP_JET);
        try (Size size = new Size(box.width(), box.height())) {
            resize(coloured, sized, size);
        }
        try (Rect inImage = new Rect(clipped.x(), clipped.y(), clipped.width(), clipped.height());
             Rect inMap = new Rect(clipped.x() - box.x(), clipped.y() - box.y(), clipped.width(), clipped.height());
             Mat target = image.apply(inImage); Mat source = sized.apply(inMap)) {
            addWeighted(target, 0.55, source, 0.45, 0, target);
        }
    }

    @Override
    public void close() {
        heat8.close();
        coloured.close();
        sized.close();
    }
}
