package io.loupe.pipelines.defect;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Shift boundaries for the per-shift statistics.
 *
 * @param shifts   local start times of the shifts, e.g. {@code ["06:00", "14:00", "22:00"]}; at least one
 * @param timeZone the zone of those times, e.g. {@code Europe/Berlin}; empty for the system's
 */
public record StatsSettings(List<String> shifts, String timeZone) {

    public StatsSettings {
        shifts = shifts == null ? List.of() : List.copyOf(shifts);
        timeZone = timeZone == null ? "" : timeZone.trim();
        if (shifts.isEmpty()) {
            throw new IllegalArgumentException("stats.shifts needs at least one start time, e.g. [\"06:00\"]"
                    + " (one shift a day)");
        }
        for (String s : shifts) {
            try {
                LocalTime.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("stats.shifts: '" + s + "' is not a local time; write HH:mm, e.g."
                        + " 06:00");
            }
        }
        if (!timeZone.isEmpty()) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("stats.timeZone: '" + timeZone + "' is not a time zone; write e.g."
                        + " Europe/Berlin or UTC, or leave it empty for the system's");
            }
        }
    }

    public static StatsSettings defaults() {
        return new StatsSettings(List.of("06:00", "14:00", "22:00"), "");
    }

    /** The shift start times, sorted. */
    public List<LocalTime> starts() {
        return shifts.stream().map(s -> LocalTime.parse(s.trim())).sorted().distinct().toList();
    }

    /** The zone, the system's when none is set. */
    public ZoneId zone() {
        return timeZone.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
    }
}
