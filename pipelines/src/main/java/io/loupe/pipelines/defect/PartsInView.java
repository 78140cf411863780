package io.loupe.pipelines.defect;

import io.loupe.camera.Frame;
import io.loupe.pipelines.FrameRef;

import java.util.List;

/**
 * What the part stage found in one frame (output of {@code defect/parts@v1}).
 *
 * @param frame    the frame, valid while the chain runs on it
 * @param ref      its identity
 * @param judge    parts to judge in this frame
 * @param unjudged parts that left the view without ever being fully in it: each gets an UNKNOWN verdict
 */
public record PartsInView(Frame frame, FrameRef ref, List<PartInView> judge, List<PartInView> unjudged) {

    public PartsInView {
        judge = List.copyOf(judge);
        unjudged = List.copyOf(unjudged);
    }

    /** Whether there is nothing to inspect or report in this frame. */
    public boolean isEmpty() {
        return judge.isEmpty() && unjudged.isEmpty();
    }
}
