package io.loupe.pipelines.defect;

import java.time.Instant;

/**
 * A part to judge in the current frame.
 *
 * @param partId the part's id
 * @param box    where it is, in frame pixels (the ROI's bounding box in trigger and frame mode)
 * @param since  when its deadline started: the trigger's time, or the frame's capture time
 */
public record PartInView(String partId, Box box, Instant since) {
}
