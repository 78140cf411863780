package io.loupe.pipelines.defect.stats;

import io.loupe.camera.Frame;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.ResultSink;
import io.loupe.pipelines.defect.DefectResult;

import java.time.Clock;
import java.time.Instant;

/**
 * Counts a defect pipeline's results for the current shift and since start. It is the pipeline's own sink (so it sees
 * every result, late ones included); {@link #snapshot()} is safe from any thread. The shift rolls over when a result
 * or a snapshot falls past the shift's end, by the injected clock; the shift that ended stays in the snapshots with its
 * final counts until the next one ends.
 */
public final class DefectStats implements ResultSink {
    private final String pipeline;
    private final ShiftCalendar calendar;
    private final Clock clock;
    private final Tally sinceStart;
    private ShiftCalendar.Shift shift;
    private Tally shiftTally;
    private DefectCounts previousShift;

    public DefectStats(String pipeline, ShiftCalendar calendar, Clock clock) {
        this.pipeline = pipeline;
        this.calendar = calendar;
        this.clock = clock;
        Instant now = clock.instant();
        this.sinceStart = new Tally(now, "since start");
        this.shift = calendar.shiftAt(now);
        this.shiftTally = new Tally(shift.start(), shift.label());
    }

    @Override
    public void accept(String pipelineId, PipelineResult result, Frame frame) {
        if (result instanceof DefectResult r) {
            record(r);
        }
    }

    /** Counts one result. */
    public synchronized void record(DefectResult r) {
        roll(clock.instant());
        sinceStart.add(r);
        shiftTally.add(r);
    }

    /** The counts now. */
    public synchronized DefectStatsSnapshot snapshot() {
        Instant now = clock.instant();
        roll(now);
        return new DefectStatsSnapshot(pipeline, now, shiftTally.counts(), shift.end(), sinceStart.counts(),
                previousShift);
    }

    private void roll(Instant now) {
        if (!shift.contains(now)) {
            previousShift = shiftTally.counts();
            shift = calendar.shiftAt(now);
            shiftTally = new Tally(shift.start(), shift.label());
        }
    }
}
