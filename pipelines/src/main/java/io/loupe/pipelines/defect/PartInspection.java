package io.loupe.pipelines.defect;

import io.loupe.models.Detection;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.List;

/**
 * What the inspect stage found on one part, before the rules judge it.
 *
 * @param part       the part
 * @param detections the detector's findings whose centre lies in the part's box, in frame pixels, best first
 * @param anomaly    the anomaly score inside the ROI, or null without an anomaly path
 * @param regions    regions of the anomaly map at or above the threshold, in frame pixels, with their peak values
 * @param heatMap    the anomaly map over the part's box clipped to the frame ({@code CV_32FC1}, the scorer's scale,
 *                   0 outside the ROI and in ignore regions), or null; owned
 *                   by the inspect stage and valid until it runs again
 */
public record PartInspection(PartInView part, List<Detection> detections, AnomalyOutcome anomaly,
                             List<AnomalyRegion> regions, Mat heatMap) {

    /** A connected region of the anomaly map at or above the threshold. */
    public record AnomalyRegion(Box box, double peak) {
    }

    public PartInspection {
        detections = List.copyOf(detections);
        regions = List.copyOf(regions);
    }
}
