package io.loupe.pipelines.defect.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Shifts as local start times repeating every day (e.g. 06:00, 14:00, 22:00) in one zone. A shift runs from its start
 * to the next start, across midnight when it must. Daylight-saving gaps follow {@link ZonedDateTime#of}.
 */
public final class ShiftCalendar {

    /**
     * One shift occurrence.
     *
     * @param start when it began
     * @param end   when it ends (the next start)
     * @param label e.g. {@code 2026-11-27 06:00}
     */
    public record Shift(Instant start, Instant end, String label) {
        public boolean contains(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    private final List<LocalTime> starts;
    private final ZoneId zone;

    /**
     * @param starts shift start times, at least one, sorted and distinct
     * @throws IllegalArgumentException when {@code starts} is empty
     */
    public ShiftCalendar(List<LocalTime> starts, ZoneId zone) {
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("a shift calendar needs at least one start time");
        }
        this.starts = starts.stream().sorted().distinct().toList();
        this.zone = zone;
    }

    /** The shift that {@code t} falls in. */
    public Shift shiftAt(Instant t) {
        LocalDate day = t.atZone(zone).toLocalDate();
        Instant bestStart = null;
        LocalDateTime bestLocal = null;
        for (int d = -1; d <= 0; d++) {
            for (LocalTime s : starts) {
                LocalDateTime local = day.plusDays(d).atTime(s);
                Instant at = ZonedDateTime.of(local, zone).toInstant();
                if (!at.isAfter(t) && (bestStart == null || at.isAfter(bestStart))) {
                    bestStart = at;
                    bestLocal = local;
                }
            }
        }
        Instant end = null;
        for (int d = 0; d <= 1 && end == null; d++) {
            for (LocalTime s : starts) {
                Instant at = ZonedDateTime.of(bestLocal.toLocalDate().plusDays(d).atTime(s), zone).toInstant();
                if (at.isAfter(bestStart)) {
                    end = at;
                    break;
                }
            }
        }
        String label = bestLocal.toLocalDate() + " " + bestLocal.toLocalTime();
        return new Shift(bestStart, end, label);
    }
}
