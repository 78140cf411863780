package io.loupe.pipelines.pest;

import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.ResultBatch;
import java.util.List;

/** What one frame gave: nothing (between captures), or a capture's result followed by its alerts. */
record PestBatch(List<PipelineResult> results) implements ResultBatch {
    static final PestBatch NONE = new PestBatch(List.of());
}
