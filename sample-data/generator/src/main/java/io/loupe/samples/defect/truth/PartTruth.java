package io.loupe.samples.defect.truth;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One part that passes through the video.
 *
 * @param id         the part's id, unique in the scene, from 1
 * @param shape      outline
 * @param material   shading
 * @param width      part box width in pixels
 * @param height     part box height in pixels
 * @param firstFrame first frame it is (at least partly) visible in
 * @param lastFrame  last frame it is (at least partly) visible in
 * @param verdict    NG iff {@code defects} is not empty
 * @param defects    its defects, boxes in part-local coordinates
 */
@JsonPropertyOrder({"id", "shape", "material", "width", "height", "firstFrame", "lastFrame", "verdict", "defects"})
public record PartTruth(int id, PartShape shape, Material material, int width, int height, int firstFrame,
                        int lastFrame, Verdict verdict, List<DefectTruth> defects) {

    public PartTruth {
        defects = List.copyOf(defects);
        if ((verdict == Verdict.NG) == defects.isEmpty()) {
            throw new IllegalArgumentException("part " + id + " has verdict " + verdict + " but " + defects.size()
                    + " defects; NG iff it has defects");
        }
    }
}
