package io.loupe.samples.defect.truth;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * What is in one frame.
 *
 * @param index   frame number from 0 (presentation order; time is {@code index / fps})
 * @param parts   parts at least partly in view
 * @param defects defects at least partly in view
 */
@JsonPropertyOrder({"index", "parts", "defects"})
public record FrameTruth(int index, List<PartInFrame> parts, List<DefectInFrame> defects) {

    public FrameTruth {
        parts = List.copyOf(parts);
        defects = List.copyOf(defects);
    }
}
