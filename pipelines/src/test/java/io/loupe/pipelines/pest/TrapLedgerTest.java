package io.loupe.pipelines.pest;

import static org.assertj.core.api.Assertions.assertThat;

import io.loupe.models.Detection;
import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PipelineAlert;
import io.loupe.pipelines.PipelineResult;
import io.loupe.samples.pest.truth.CaptureTruth;
import io.loupe.samples.pest.truth.Species;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trap's ledger on the committed demo series with its true insects as detections (a perfect detector), on a real
 * SQLite file: arrivals, the card change, thresholds, failed captures and restarts. The detector's own accuracy is
 * measured in {@link PestPipelineTest}.
 */
class TrapLedgerTest {
    private static final ModelRef MODEL = new ModelRef("pests", "pest-detector", "1", "0".repeat(64), "CPU");
    private final TrapSeries series = TrapSeries.demo();

    @TempDir
    Path dir;

    private TrapCounter counter(PestSettings s, PestStore store) throws Exception {
        return new TrapCounter("traps", "cam", "trap-1", series.labels(), MODEL, s.withStore(store.file()), store);
    }

    private static FrameRef frame(int seq, Instant at) {
        return new FrameRef("cam", seq, -1, at, 2400, 1600);
    }

    private static PestResult result(List<PipelineResult> out) {
        return (PestResult) out.get(0);
    }

    private static List<PipelineAlert> alerts(List<PipelineResult> out) {
        return out.stream().filter(r -> r instanceof PipelineAlert).map(r -> (PipelineAlert) r).toList();
    }

    @Test
    void counted_trueInsects_arrivalsAndCardChangeAreTheGeneratorsOwn() throws Exception {
        try (PestStore store = PestStore.open(dir.resolve("pest.db"))) {
            TrapCounter c = counter(PestSettings.defaults(), store);
            for (int k = 0; k < series.captures().size(); k++) {
                CaptureTruth truth = series.captures().get(k);
                PestResult r = result(c.counted(frame(k, TrapSeries.time(truth)), TrapSeries.time(truth),
                        series.truthDetections(truth)));
                assertThat(r.trapChanged()).as("capture %d card changed", truth.capture())
                        .isEqualTo(truth.trapChanged());
                assertThat(r.period()).as("capture %d period", truth.capture()).isEqualTo(truth.trapPeriod());
                for (Species s : Species.values()) {
                    assertThat(r.of(s.label()).count()).as("capture %d %s count", truth.capture(), s)
                            .isEqualTo(truth.counts().of(s));
                    assertThat(r.of(s.label()).arrivals()).as("capture %d %s arrivals", truth.capture(), s)
                            .isEqualTo(truth.newCounts().of(s));
                }
                assertThat(r.unseen()).isZero();
            }
        }
    }

    @Test
    void counted_slightlyMovedBoxes_areTheSameInsectsNotNewOnes() throws Exception {
        try (PestStore store = PestStore.open(dir.resolve("pest.db"))) {
            TrapCounter c = counter(PestSettings.defaults(), store);
            CaptureTruth first = series.captures().get(0);
            Instant t0 = TrapSeries.time(first);
            c.counted(frame(0, t0), t0, series.truthDetections(first));
            List<Detection> moved = series.truthDetections(first).stream().map(d -> new Detection(d.classId(),
                    d.label(), d.score(), d.x1() + 2, d.y1() - 2, d.x2() + 2, d.y2() - 1)).toList();
            PestResult again = result(c.counted(frame(1, t0.plusSeconds(600)), t0.plusSeconds(600), moved));
            assertThat(again.arrivals()).isZero();
            assertThat(again.total()).isEqualTo(first.insects().size());
        }
    }

    @Test
    void threshold_crossedOnce_raisesNewOnceThenUpdatesAndEndsWithTheWeek() throws Exception {
        // Whitefly arrivals in the demo series' first week (Mon 1 June 2026 ...): 8, 18, 24, 37 on the card; the card
        // is changed before capture 5. A threshold of 20 per week is crossed at capture 3 (24).
        PestSettings s = PestSettings.defaults().withThresholds(List.of(new ActionThreshold("whitefly", 20,
                Window.WEEK, 1)));
        try (PestStore store = PestStore.open(dir.resolve("pest.db"))) {
            TrapCounter c = counter(s, store);
            List<PipelineAlert> all = new ArrayList<>();
            List<Integer> raisedAt = new ArrayList<>();
            for (int k = 0; k < series.captures().size(); k++) {
                CaptureTruth truth = series.captures().get(k);
                Instant at = TrapSeries.time(truth);
                List<PipelineAlert> a = alerts(c.counted(frame(k, at), at, series.truthDetections(truth)));
                if (a.stream().anyMatch(x -> x.type() == PipelineAlert.Type.NEW)) {
                    raisedAt.add(truth.capture());
                }
                all.addAll(a);
            }
            int weekly = 0;
            int crossing = -1;
            for (CaptureTruth t : series.captures()) {
                weekly += t.newCounts().whitefly();
                if (crossing < 0 && weekly >= 20) {
                    crossing = t.capture();
                }
            }
            assertThat(raisedAt).containsExactly(crossing);
            assertThat(all).allMatch(a -> a.eventId().equals(all.get(0).eventId()));
            assertThat(all).filteredOn(a -> a.type() == PipelineAlert.Type.UPDATE).isNotEmpty();
            assertThat(all.get(0).values()).contains(new PipelineAlert.Value("threshold", 20, "insects/trap/week"));
            // The next week begins with no arrivals yet: the alert ends.
            Instant nextWeek = Instant.parse("2026-06-08T07:00:00Z");
            CaptureTruth last = series.captures().get(series.captures().size() - 1);
            List<PipelineAlert> ended = alerts(c.counted(frame(99, nextWeek), nextWeek, series.truthDetections(last)));
            assertThat(ended).singleElement().satisfies(a -> {
                assertThat(a.type()).isEqualTo(PipelineAlert.Type.END);
                assertThat(a.endedAt()).isEqualTo(nextWeek);
                assertThat(a.eventId()).isEqualTo(all.get(0).eventId());
            });
        }
    }

    @Test
    void threshold_twoConsecutiveWeeks_raisedOnlyWhenBothWeeksReachIt() throws Exception {
        PestSettings s = PestSettings.defaults().withThresholds(List.of(new ActionThreshold("moth", 2, Window.WEEK,
                2)));
        try (PestStore store = PestStore.open(dir.resolve("pest.db"))) {
            TrapCounter c = counter(s, store);
            CaptureTruth first = series.captures().get(0); // 2 moths
            Instant week1 = Instant.parse("2026-06-03T07:00:00Z");
            assertThat(alerts(c.counted(frame(1, week1), week1, series.truthDetections(first)))).isEmpty();
            // Week 2: the same card, two more moths land.
            List<Detection> more = new ArrayList<>(series.truthDetections(first));
            more.add(new Detection(4, "moth", 0.9f, 2000, 100, 2030, 125));
            Instant week2a = Instant.parse("2026-06-09T07:00:00Z");
            assertThat(alerts(c.counted(frame(2, week2a), week2a, more))).isEmpty();
            more.add(new Detection(4, "moth", 0.9f, 2100, 300, 2132, 328));
            Instant week2b = Instant.parse("2026-06-10T07:00:00Z");
            assertThat(alerts(c.counted(frame(3, week2b), week2b, more))).singleElement()
                    .satisfies(a -> {
                        assertThat(a.type()).isEqualTo(PipelineAlert.Type.NEW);
                        assertThat(a.values()).contains(new PipelineAlert.Value("count", 2, "insects/trap/week"),
                                new PipelineAlert.Value("count_1_weeks_before", 2, "insects/trap/week"));
                    });
        }
    }

    @Test
    void failedCapture_betweenCounts_keepsTheCountsAndThePeriod() throws Exception {
        try (PestStore store = PestStore.open(dir.resolve("pest.db"))) {
            TrapCounter c = counter(PestSettings.defaults(), store);
            CaptureTruth one = series.captures().get(0);
            CaptureTruth two = series.captures().get(1);
            Instant t1 = TrapSeries.time(one);
            c.counted(frame(1, t1), t1, series.truthDetections(one));
            PestResult failed = result(c.failed(frame(2, t1.plusSeconds(3600)), t1.plusSeconds(3600),
                    "the picture is dark"));
            assertThat(failed.status()).isEqualTo(CaptureStatus.FAILED);
            assertThat(failed.period()).isEqualTo(1);
            assertThat(failed.of("whitefly").period()).isEqualTo(one.counts().whitefly());
            PestResult r = result(c.counted(frame(3, TrapSeries.time(two)), TrapSeries.time(two),
                    series.truthDetections(two)));
            assertThat(r.trapChanged()).isFalse();
            assertThat(r.arrivals()).isEqualTo(two.newCounts().total());
            assertThat(c.stats().failed()).isEqualTo(1);
        }
    }

    @Test
    void restart_sameStore_continuesTheCountsWithoutRepeatingAnAlert() throws Exception {
        PestSettings s = PestSettings.defaults().withThresholds(List.of(new ActionThreshold("whitefly", 10,
                Window.PERIOD, 1)));
        Path file = dir.resolve("pest.db");
        String eventId;
        try (PestStore store = PestStore.open(file)) {
            TrapCounter c = counter(s, store);
            CaptureTruth one = series.captures().get(0);
            c.counted(frame(1, TrapSeries.time(one)), TrapSeries.time(one), series.truthDetections(one));
            CaptureTruth two = series.captures().get(1);
            List<PipelineAlert> a = alerts(c.counted(frame(2, TrapSeries.time(two)), TrapSeries.time(two),
                    series.truthDetections(two)));
            assertThat(a).singleElement().extracting(PipelineAlert::type).isEqualTo(PipelineAlert.Type.NEW);
            eventId = a.get(0).eventId();
        }
        try (PestStore store = PestStore.open(file)) {
            TrapCounter c = counter(s, store);
            assertThat(c.stats().species()).filteredOn(x -> x.species().equals("whitefly")).singleElement()
                    .satisfies(x -> assertThat(x.period()).isEqualTo(18));
            assertThat(c.stats().history()).hasSize(2);
            assertThat(c.stats().alerts()).containsExactly("whitefly >= 10 per trap per trap period");
            CaptureTruth three = series.captures().get(2);
            List<PipelineResult> out = c.counted(frame(3, TrapSeries.time(three)), TrapSeries.time(three),
                    series.truthDetections(three));
            assertThat(result(out).arrivals()).isEqualTo(three.newCounts().total());
            assertThat(alerts(out)).singleElement().satisfies(a -> {
                assertThat(a.type()).isEqualTo(PipelineAlert.Type.UPDATE);
                assertThat(a.eventId()).isEqualTo(eventId);
            });
        }
    }

    @Test
    void missed_noCaptureForTooLong_reportsOnceAndEndsWithTheNextCapture() throws Exception {
        PestSettings s = new PestSettings("", Duration.ofMinutes(15), Duration.ZERO, TileSettings.defaults(), 0, 0.5,
                TrapChangeSettings.defaults(), List.of(), null, "", 200);
        try (PestStore store = PestStore.open(dir.resolve("pest.db"))) {
            TrapCounter c = counter(s, store);
            CaptureTruth one = series.captures().get(0);
            Instant t0 = TrapSeries.time(one);
            c.counted(frame(1, t0), t0, series.truthDetections(one));
            assertThat(c.missedAt(t0)).isEqualTo(t0.plus(Duration.ofMinutes(30)));
            List<PipelineResult> missed = c.missed(t0.plus(Duration.ofMinutes(31)), t0);
            assertThat(result(missed).status()).isEqualTo(CaptureStatus.MISSED);
            assertThat(result(missed).frame().camera()).as("the camera, not the trap").isEqualTo("cam");
            assertThat(result(missed).of("whitefly").period()).isEqualTo(one.counts().whitefly());
            assertThat(alerts(missed)).singleElement().extracting(PipelineAlert::type)
                    .isEqualTo(PipelineAlert.Type.NEW);
            assertThat(c.missedAt(t0)).as("reported once").isNull();
            List<PipelineAlert> back = alerts(c.counted(frame(2, t0.plus(Duration.ofHours(1))),
                    t0.plus(Duration.ofHours(1)), series.truthDetections(one)));
            assertThat(back).singleElement().satisfies(a -> {
                assertThat(a.type()).isEqualTo(PipelineAlert.Type.END);
                assertThat(a.kind()).isEqualTo(TrapCounter.MISSED_KIND);
            });
        }
    }

    @Test
    void missed_theAlertRaisedBeforeARestart_isEndedByTheFirstCaptureAfterIt() throws Exception {
        PestSettings s = new PestSettings("", Duration.ofMinutes(15), Duration.ZERO, TileSettings.defaults(), 0, 0.5,
                TrapChangeSettings.defaults(), List.of(), null, "", 200);
        CaptureTruth one = series.captures().get(0);
        Instant t0 = TrapSeries.time(one);
        String raised;
        try (PestStore store = PestStore.open(dir.resolve("pest.db"))) {
            TrapCounter c = counter(s, store);
            c.counted(frame(1, t0), t0, series.truthDetections(one));
            raised = alerts(c.missed(t0.plus(Duration.ofMinutes(31)), t0)).get(0).eventId();
        }
        try (PestStore store = PestStore.open(dir.resolve("pest.db"))) {
            TrapCounter restarted = counter(s, store);
            assertThat(restarted.missedAt(t0)).as("still raised: not reported again").isNull();
            List<PipelineAlert> back = alerts(restarted.counted(frame(2, t0.plus(Duration.ofHours(1))),
                    t0.plus(Duration.ofHours(1)), series.truthDetections(one)));
            assertThat(back).singleElement().satisfies(a -> {
                assertThat(a.type()).isEqualTo(PipelineAlert.Type.END);
                assertThat(a.eventId()).isEqualTo(raised);
            });
        }
        try (PestStore store = PestStore.open(dir.resolve("pest.db"))) {
            assertThat(counter(s, store).missedAt(t0)).as("ended: watched again").isNotNull();
        }
    }
}
