package io.loupe.appliance.web;

import io.loupe.models.Detection;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.defect.DefectResult;
import io.loupe.pipelines.defect.PartMode;
import io.loupe.pipelines.defect.Verdict;

import java.util.List;

/**
 * What to draw over a camera's live view for one result.
 *
 * @param caption text for the top banner, e.g. {@code line1-defects NG #42}
 * @param alarm   true when the result is bad (drawn red)
 * @param boxes   boxes in frame pixels
 * @param part    the judged part's box [x, y, width, height] in frame pixels, or null
 */
record Overlay(String caption, boolean alarm, List<Detection> boxes, int[] part) {

    static Overlay of(String pipeline, PipelineResult result) {
        if (result instanceof DefectResult r) {
            int[] part = r.partBox() == null || r.mode() == PartMode.FRAME ? null
                    : new int[]{r.partBox().x(), r.partBox().y(), r.partBox().width(), r.partBox().height()};
            return new Overlay(pipeline + "  " + (r.partId() == null ? "" : "part " + r.partId() + "  ") + r.verdict()
                    + "  #" + r.seq(), r.verdict() == Verdict.NG, r.boxes(), part);
        }
        return new Overlay(pipeline + "  #" + result.seq(), false, List.of(), null);
    }
}
