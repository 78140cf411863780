package io.loupe.pipelines.pest;

import java.util.Map;

/**
 * Arrivals per species on one trap in the windows thresholds count over, as of one capture.
 *
 * @param day    today
 * @param week   this ISO week
 * @param period this trap period
 */
record Totals(Map<String, Integer> day, Map<String, Integer> week, Map<String, Integer> period) {

    int of(Window window, String species) {
        Map<String, Integer> m = switch (window) {
            case DAY -> day;
            case WEEK -> week;
            case PERIOD -> period;
        };
        return m.getOrDefault(species, 0);
    }
}
