package io.loupe.pipelines.defect;

import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.MutableClock;
import io.loupe.pipelines.defect.stats.DefectStats;
import io.loupe.pipelines.defect.stats.DefectStatsSnapshot;
import io.loupe.pipelines.defect.stats.ParetoEntry;
import io.loupe.pipelines.defect.stats.ShiftCalendar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DefectStatsTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<LocalTime> SHIFTS = List.of(LocalTime.of(6, 0), LocalTime.of(14, 0),
            LocalTime.of(22, 0));

    private static DefectResult result(Verdict verdict, Timing timing, boolean reject, String... labels) {
        List<Defect> defects = java.util.Arrays.stream(labels)
                .map(l -> new Defect(0, l, 0.9f, 0, 0, 10, 10, 10, null, 100, DefectSource.DETECTOR)).toList();
        return new DefectResult(new FrameRef("cam", 1, -1, Instant.EPOCH, 640, 480), 1, Instant.EPOCH, 1, null, "P",
                PartMode.PRESENCE, null, verdict, List.of(), defects, 0, null, Instant.EPOCH, Duration.ofSeconds(1),
                timing, reject, null);
    }

    @Test
    void shiftAt_nightShift_runsAcrossMidnight() {
        ShiftCalendar calendar = new ShiftCalendar(SHIFTS, BERLIN);

        ShiftCalendar.Shift night = calendar.shiftAt(Instant.parse("2026-11-27T02:30:00Z")); // 03:30 local
        ShiftCalendar.Shift early = calendar.shiftAt(Instant.parse("2026-11-27T05:00:00Z")); // 06:00 local

        assertThat(night.label()).isEqualTo("2026-11-26 22:00");
        assertThat(night.start()).isEqualTo(Instant.parse("2026-11-26T21:00:00Z"));
        assertThat(night.end()).isEqualTo(Instant.parse("2026-11-27T05:00:00Z"));
        assertThat(early.label()).isEqualTo("2026-11-27 06:00");
        assertThat(early.end()).isEqualTo(Instant.parse("2026-11-27T13:00:00Z"));
    }

    @Test
    void shiftAt_oneShiftADay_isTheCalendarDay() {
        ShiftCalendar calendar = new ShiftCalendar(List.of(LocalTime.MIDNIGHT), ZoneId.of("UTC"));

        ShiftCalendar.Shift day = calendar.shiftAt(Instant.parse("2026-11-27T13:00:00Z"));

        assertThat(day.start()).isEqualTo(Instant.parse("2026-11-27T00:00:00Z"));
        assertThat(day.end()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    }

    @Test
    void snapshot_countsAddUp_andParetoIsSortedByCount() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T07:00:00Z"), BERLIN);
        DefectStats stats = new DefectStats("line1", new ShiftCalendar(SHIFTS, BERLIN), clock);

        stats.record(result(Verdict.OK, Timing.ON_TIME, false));
        stats.record(result(Verdict.NG, Timing.ON_TIME, true, "scratch", "spot"));
        stats.record(result(Verdict.NG, Timing.LATE, true, "scratch"));
        stats.record(result(Verdict.UNKNOWN, Timing.LATE, false));
        DefectStatsSnapshot s = stats.snapshot();

        assertThat(s.schema()).isEqualTo("loupe.defect.stats/1");
        assertThat(s.sinceStart().parts()).isEqualTo(4);
        assertThat(s.sinceStart().ok() + s.sinceStart().ng() + s.sinceStart().unknown()).isEqualTo(4);
        assertThat(s.sinceStart().late()).isEqualTo(2);
        assertThat(s.sinceStart().rejected()).isEqualTo(2);
        assertThat(s.sinceStart().yield()).isEqualTo(0.25);
        assertThat(s.sinceStart().defects()).isEqualTo(3);
        assertThat(s.sinceStart().pareto()).extracting(ParetoEntry::label).containsExactly("scratch", "spot");
        assertThat(s.sinceStart().pareto()).extracting(ParetoEntry::count).containsExactly(2L, 1L);
        assertThat(s.sinceStart().pareto().stream().mapToLong(ParetoEntry::count).sum()).isEqualTo(3);
        assertThat(s.shift()).usingRecursiveComparison().ignoringFields("from", "label").isEqualTo(s.sinceStart());
    }

    @Test
    void snapshot_afterShiftChange_startsTheShiftAtZero_keepsSinceStart() {
        // given parts in the early shift (local 08:00)
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T07:00:00Z"), BERLIN);
        DefectStats stats = new DefectStats("line1", new ShiftCalendar(SHIFTS, BERLIN), clock);
        stats.record(result(Verdict.NG, Timing.ON_TIME, false, "crack"));
        stats.record(result(Verdict.OK, Timing.ON_TIME, false));

        // when the clock passes 14:00 local and one more part comes
        clock.set(Instant.parse("2026-11-27T13:00:01Z"));
        DefectStatsSnapshot empty = stats.snapshot();
        stats.record(result(Verdict.OK, Timing.ON_TIME, false));
        DefectStatsSnapshot s = stats.snapshot();

        // then the new shift counts only that part; since start counts all three
        assertThat(empty.shift().parts()).isZero();
        assertThat(empty.shift().yield()).isNull();
        assertThat(s.shift().label()).isEqualTo("2026-11-27 14:00");
        assertThat(s.shift().parts()).isEqualTo(1);
        assertThat(s.shiftEnd()).isEqualTo(Instant.parse("2026-11-27T21:00:00Z"));
        assertThat(s.sinceStart().parts()).isEqualTo(3);
        assertThat(s.sinceStart().ng()).isEqualTo(1);
    }

    @Test
    void snapshot_afterShiftChange_keepsTheEndedShiftsFinalCounts_withPartsAfterItsLastSnapshot() {
        // given an early shift whose last snapshot (published every 10 s) was taken at 13:59:50 local
        MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:59:50Z"), BERLIN);
        DefectStats stats = new DefectStats("line1", new ShiftCalendar(SHIFTS, BERLIN), clock);
        stats.record(result(Verdict.OK, Timing.ON_TIME, false));
        DefectStatsSnapshot lastDuring = stats.snapshot();

        // when three NG parts come in its last seconds and the next snapshot falls in the next shift
        clock.set(Instant.parse("2026-11-27T12:59:55Z"));
        for (int i = 0; i < 3; i++) {
            stats.record(result(Verdict.NG, Timing.ON_TIME, false, "crack"));
        }
        clock.set(Instant.parse("2026-11-27T13:00:00Z"));
        DefectStatsSnapshot next = stats.snapshot();

        // then the ended shift's final counts are there, the parts after its last snapshot included
        assertThat(lastDuring.previousShift()).isNull();
        assertThat(next.previousShift()).isNotNull();
        assertThat(next.previousShift().label()).isEqualTo("2026-11-27 06:00");
        assertThat(next.previousShift().parts()).isEqualTo(4);
        assertThat(next.previousShift().ng()).isEqualTo(3);
        assertThat(next.shift().parts()).isZero();
    }
}
