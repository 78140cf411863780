package io.loupe.pipelines.defect;

import java.util.List;

/**
 * What the inspect stage found in one frame (output of {@code defect/inspect@v1}).
 *
 * @param view  the parts of the frame
 * @param parts one inspection per part to judge, in the same order
 */
public record Inspections(PartsInView view, List<PartInspection> parts) {

    public Inspections {
        parts = List.copyOf(parts);
    }
}
