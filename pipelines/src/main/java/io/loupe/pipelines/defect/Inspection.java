package io.loupe.pipelines.defect;

import io.loupe.models.Detection;
import io.loupe.pipelines.FrameRef;

import java.util.List;

/**
 * What the detector found in one frame, before the rules judge it.
 *
 * @param frame      the frame inspected
 * @param detections detections in frame pixels, best first
 */
public record Inspection(FrameRef frame, List<Detection> detections) {
}
