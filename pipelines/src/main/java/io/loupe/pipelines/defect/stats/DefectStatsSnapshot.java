package io.loupe.pipelines.defect.stats;

import io.loupe.pipelines.DomainStats;

import java.time.Instant;

/**
 * {@code loupe.defect.stats/1}: a defect line's counts, published retained on {@code …/<pipeline>/stats}.
 *
 * @param pipeline   the pipeline id
 * @param ts         when the snapshot was taken
 * @param shift      the current shift (ends at {@code shiftEnd})
 * @param shiftEnd   when the current shift ends
 * @param sinceStart since the pipeline started
 * @param previousShift the last shift that ended while the pipeline ran, with its final counts (results in its last
 *                      seconds included, which no snapshot taken during it held); null before one ends
 */
public record DefectStatsSnapshot(String pipeline, Instant ts, DefectCounts shift, Instant shiftEnd,
                                  DefectCounts sinceStart, DefectCounts previousShift) implements DomainStats {
    public static final String SCHEMA = "loupe.defect.stats/1";

    @Override
    public String schema() {
        return SCHEMA;
    }
}
