package io.loupe.appliance.web;

import io.loupe.models.Detection;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.defect.DefectResult;
import io.loupe.pipelines.defect.PartMode;
import io.loupe.pipelines.defect.Verdict;

import io.loupe.pipelines.pest.CaptureStatus;
import io.loupe.pipelines.pest.PestInsect;
import io.loupe.pipelines.pest.PestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What to draw over a camera's live view for one result.
 *
 * @param caption text for the top banner, e.g. {@code line1-defects NG #42}
 * @param alarm   true when the result is bad (drawn red)
 * @param boxes   boxes in frame pixels, drawn with their label and score
 * @param marks   boxes drawn thin, without a label (insects already on a trap)
 * @param part    the judged part's box [x, y, width, height] in frame pixels, or null
 */
record Overlay(String caption, boolean alarm, List<Detection> boxes, List<Detection> marks, int[] part) {

    static Overlay of(String pipeline, PipelineResult result) {
        if (result instanceof DefectResult r) {
            int[] part = r.partBox() == null || r.mode() == PartMode.FRAME ? null
                    : new int[]{r.partBox().x(), r.partBox().y(), r.partBox().width(), r.partBox().height()};
            return new Overlay(pipeline + "  " + (r.partId() == null ? "" : "part " + r.partId() + "  ") + r.verdict()
                    + "  #" + r.seq(), r.verdict() == Verdict.NG, r.boxes(), List.of(), part);
        }
        if (result instanceof PestResult r) {
            List<Detection> arrivals = new ArrayList<>();
            List<Detection> known = new ArrayList<>();
            for (PestInsect i : r.insects()) {
                (i.arrival() ? arrivals : known).add(new Detection(-1, i.species(), i.score(), i.x1(), i.y1(), i.x2(),
                        i.y2()));
            }
            String caption = r.status() == CaptureStatus.COUNTED
                    ? String.format(Locale.ROOT, "%s  %s  %d insects, %d new%s  #%d", pipeline, r.trap(), r.total(),
                            r.arrivals(), r.trapChanged() ? ", card changed" : "", r.seq())
                    : pipeline + "  " + r.trap() + "  capture " + r.status().name().toLowerCase(Locale.ROOT) + "  #"
                            + r.seq();
            return new Overlay(caption, r.status() != CaptureStatus.COUNTED, arrivals, known, null);
        }
        return new Overlay(pipeline + "  #" + result.seq(), false, List.of(), List.of(), null);
    }
}
