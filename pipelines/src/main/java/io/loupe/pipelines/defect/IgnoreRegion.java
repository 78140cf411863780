package io.loupe.pipelines.defect;

import java.util.List;

/**
 * A region of the frame where findings do not count (a logo, a fixture, a label that looks like a defect).
 *
 * @param name    shown in the reasons and on NG images, e.g. {@code logo}
 * @param polygon at least three {@code [x, y]} points in frame pixels
 */
public record IgnoreRegion(String name, List<List<Double>> polygon) {

    public IgnoreRegion {
        name = name == null || name.isBlank() ? "ignore" : name.trim();
        polygon = Polygon.check("ignore region '" + name + "'", polygon, false);
    }
}
