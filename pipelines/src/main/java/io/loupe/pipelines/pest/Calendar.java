package io.loupe.pipelines.pest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** Local days and ISO weeks (from Monday) of a trap's time zone. */
final class Calendar {
    private final ZoneId zone;

    Calendar(ZoneId zone) {
        this.zone = zone;
    }

    Instant dayStart(Instant at) {
        return LocalDate.ofInstant(at, zone).atStartOfDay(zone).toInstant();
    }

    Instant nextDay(Instant at) {
        return LocalDate.ofInstant(at, zone).plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The start of the ISO week {@code weeksBack} weeks before the one holding {@code at}. */
    Instant weekStart(Instant at, int weeksBack) {
        return LocalDate.ofInstant(at, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(weeksBack).atStartOfDay(zone).toInstant();
    }
}
