package io.loupe.pipelines.defect;

import io.loupe.pipelines.ResultBatch;

import java.util.List;

/**
 * The verdicts reached in one frame: none (no part judged in it), one, or several (parts judged together).
 *
 * @param results the verdicts, in the order the parts were found
 */
public record PartResults(List<DefectResult> results) implements ResultBatch {

    private static final PartResults NONE = new PartResults(List.of());

    public PartResults {
        results = List.copyOf(results);
    }

    /** No verdict in this frame. */
    public static PartResults none() {
        return NONE;
    }
}
