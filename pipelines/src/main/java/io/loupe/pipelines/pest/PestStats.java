package io.loupe.pipelines.pest;

import io.loupe.pipelines.DomainStats;
import java.time.Instant;
import java.util.List;

/**
 * A trap's running numbers ({@code loupe.pest.stats/1}, retained on {@code …/stats}): per species the last count and
 * the arrivals of the day, week and period, plus the recent count history for a chart.
 *
 * @param trap        the trap's name
 * @param period      the current trap period
 * @param periodStart when it began; null before the first capture
 * @param lastCapture when the trap was last counted; null before the first capture
 * @param captures    captures counted since the pipeline started
 * @param failed      captures failed or missed since the pipeline started
 * @param species     per species, as of the last counted capture
 * @param alerts      the action thresholds currently exceeded, described
 * @param history     the last counted captures, oldest first
 */
public record PestStats(String trap, int period, Instant periodStart, Instant lastCapture, long captures,
                        long failed, List<SpeciesCount> species, List<String> alerts, List<HistoryPoint> history)
        implements DomainStats {

    public static final String SCHEMA = "loupe.pest.stats/1";

    public PestStats {
        species = List.copyOf(species);
        alerts = List.copyOf(alerts);
        history = List.copyOf(history);
    }

    @Override
    public String schema() {
        return SCHEMA;
    }

    /**
     * One counted capture in the history.
     *
     * @param at       when it was captured
     * @param counts   insects per species seen, in the order of {@link PestStats#species}
     * @param arrivals new arrivals, all species
     */
    public record HistoryPoint(Instant at, List<Integer> counts, int arrivals) {
        public HistoryPoint {
            counts = List.copyOf(counts);
        }
    }
}
