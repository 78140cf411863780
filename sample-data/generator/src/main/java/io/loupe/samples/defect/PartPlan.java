package io.loupe.samples.defect;

import io.loupe.samples.core.Box;
import io.loupe.samples.defect.marks.DefectMark;
import io.loupe.samples.defect.truth.Material;
import io.loupe.samples.defect.truth.PartShape;
import io.loupe.samples.defect.truth.Verdict;
import java.util.List;

/**
 * Everything decided about one part before anything is drawn.
 *
 * @param id           id, unique in the scene, from 1
 * @param shape        outline
 * @param material     shading
 * @param color        base colour
 * @param width        box width in pixels
 * @param height       box height in pixels
 * @param cornerRadius corner radius of a rounded rectangle (unused for a disc)
 * @param centerY      row of its centre while it crosses
 * @param spawnFrame   frame at which its right edge reaches the frame's left edge (may be negative)
 * @param textureSeed  seed of its surface texture
 * @param defects      its defects in part-local pixels; empty for a good part
 */
public record PartPlan(int id, PartShape shape, Material material, Bgr color, int width, int height,
                       int cornerRadius, int centerY, int spawnFrame, long textureSeed, List<DefectMark> defects) {

    public PartPlan {
        defects = List.copyOf(defects);
        if (shape == PartShape.DISC && width != height) {
            throw new IllegalArgumentException("disc part " + id + " must be as wide as high, got " + width + "x" + height);
        }
    }

    /** @return the same part arriving at another frame */
    public PartPlan withSpawnFrame(int frame) {
        return new PartPlan(id, shape, material, color, width, height, cornerRadius, centerY, frame, textureSeed,
                defects);
    }

    public Verdict verdict() {
        return defects.isEmpty() ? Verdict.OK : Verdict.NG;
    }

    /** @return its box in frame pixels at {@code frame}, not clipped */
    public Box boxAt(int frame, ConveyorLayout layout) {
        int left = (frame - spawnFrame) * layout.speed() - width;
        return new Box(left, centerY - height / 2, width, height);
    }

    /** @return whether the part-local point lies inside the outline shrunk by {@code margin} pixels */
    public boolean insideOutline(double x, double y, double margin) {
        if (shape == PartShape.DISC) {
            double r = width / 2.0;
            return Math.hypot(x - r, y - r) <= r - margin;
        }
        double radius = Math.max(cornerRadius, margin);
        double dx = Math.max(0, Math.max(radius - x, x - (width - radius)));
        double dy = Math.max(0, Math.max(radius - y, y - (height - radius)));
        return Math.hypot(dx, dy) <= radius - margin;
    }

    /** @return whether all of {@code local} lies inside the outline shrunk by {@code margin} (the outline is convex) */
    public boolean insideOutline(Box local, double margin) {
        return insideOutline(local.x(), local.y(), margin) && insideOutline(local.right(), local.y(), margin)
                && insideOutline(local.x(), local.bottom(), margin) && insideOutline(local.right(), local.bottom(), margin);
    }
}
