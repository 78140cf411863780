package io.loupe.pipelines.pest;

import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.Stage;
import io.loupe.pipelines.StageException;
import java.sql.SQLException;

/**
 * {@code pest/count@v1}: hands a capture to the trap's {@link TrapCounter} — counted, or failed with its reason — and
 * gives its result and alerts. A store that cannot be written fails the capture's stage (counted and logged by the
 * worker), never silently.
 */
final class CountStage implements Stage<Catch, PestBatch> {
    private final TrapCounter counter;

    CountStage(TrapCounter counter) {
        this.counter = counter;
    }

    @Override
    public String id() {
        return "pest/count@v1";
    }

    @Override
    public Class<Catch> inputType() {
        return Catch.class;
    }

    @Override
    public Class<PestBatch> outputType() {
        return PestBatch.class;
    }

    @Override
    public PestBatch apply(Catch c) throws StageException {
        Capture capture = c.capture();
        if (!capture.take()) {
            return PestBatch.NONE;
        }
        FrameRef frame = FrameRef.of(capture.frame());
        try {
            return new PestBatch(capture.failed() != null
                    ? counter.failed(frame, capture.at(), capture.failed())
                    : counter.counted(frame, capture.at(), c.found()));
        } catch (SQLException e) {
            throw new StageException(id() + ": trap " + counter.trap() + ": the store could not be written ("
                    + e.getMessage() + "); the capture of frame " + frame.seq() + " is not counted", e);
        }
    }
}
