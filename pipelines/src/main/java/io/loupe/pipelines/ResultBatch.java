package io.loupe.pipelines;

import java.util.List;

/**
 * What a last stage gives when one frame can yield no result or several (parts judged only when in view, two parts
 * judged in the same frame). A last stage gives either a {@link PipelineResult} (exactly one per frame) or this.
 */
public interface ResultBatch {

    /** The results of this frame, in order; empty when the frame concluded nothing. */
    List<? extends PipelineResult> results();
}
