package io.loupe.pipelines.defect.ngimage;

import io.loupe.pipelines.defect.Box;
import io.loupe.pipelines.defect.Defect;
import io.loupe.pipelines.defect.InspectionArea;
import io.loupe.pipelines.defect.Polygon;

import java.util.List;

/**
 * What to draw on an NG image.
 *
 * @param banner  the top line, e.g. {@code line1-defects  NG  part P17  2026-11-27T04:15:32Z}
 * @param roi     the ROI polygon
 * @param ignore  the ignore regions
 * @param part    the part's box, or null
 * @param defects the counted defects
 */
public record NgOverlay(String banner, Polygon roi, List<InspectionArea.Ignored> ignore, Box part,
                        List<Defect> defects) {

    public NgOverlay {
        ignore = List.copyOf(ignore);
        defects = List.copyOf(defects);
    }
}
