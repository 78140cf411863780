package io.loupe.pipelines.pest;

import io.loupe.models.Detection;
import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PipelineAlert;
import io.loupe.pipelines.PipelineResult;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One trap's ledger: turns each capture into its result — counts per species, arrivals matched against the insects
 * already on the card, a trap change when the count collapses, the day/week/period totals — writes it to the
 * {@link PestStore} and checks the thresholds. Failed and missed captures are recorded and reported without touching
 * the counts. Runs on the pipeline's worker thread; {@link #stats()} may be read from any thread.
 */
final class TrapCounter {
    static final String MISSED_KIND = "pest_capture_missed";
    /** The missed-capture alert's key among the trap's raised alerts in the store (a threshold's key holds a '/', so the two never meet). */
    static final String MISSED_KEY = "capture-missed";

    private final String pipeline;
    private final String camera;
    private final String trap;
    private final List<String> labels;
    private final ModelRef model;
    private final PestSettings settings;
    private final PestStore store;
    private final ArrivalMatcher matcher;
    private final Calendar calendar;
    private final ThresholdWatch thresholds;

    private int period;
    private Instant periodStart;
    private List<PestInsect> known;
    private long nextId;
    private int lastCount;
    private Instant lastCapture;
    private List<SpeciesCount> lastSpecies;
    private long captures;
    private long failed;
    /** The missed-capture alert while it is raised, kept in the store so that a restart still ends it. */
    private ActiveAlert missed;
    private Instant lastTaken;
    private final ArrayDeque<PestStats.HistoryPoint> history;
    private volatile PestStats stats;

    /** @throws SQLException when the store cannot be read */
    TrapCounter(String pipeline, String camera, String trap, List<String> labels, ModelRef model,
                PestSettings settings, PestStore store) throws SQLException {
        this.pipeline = pipeline;
        this.camera = camera;
        this.trap = trap;
        this.labels = List.copyOf(labels);
        this.model = model;
        this.settings = settings;
        this.store = store;
        this.matcher = new ArrivalMatcher(settings.matchDistance());
        this.calendar = new Calendar(settings.zone());
        TrapState s = store.load(trap);
        this.period = s.period();
        this.periodStart = s.periodStart();
        this.known = new ArrayList<>(s.insects());
        this.nextId = s.nextId();
        this.lastCount = s.lastCount();
        this.lastCapture = s.lastCapture();
        this.missed = s.alerts().remove(MISSED_KEY);
        this.thresholds = new ThresholdWatch(pipeline, trap, settings.thresholds(), store, calendar, s.alerts());
        this.history = new ArrayDeque<>(store.history(trap, labels, settings.history()));
        int[] lastCounts = new int[labels.size()];
        if (!history.isEmpty()) {
            List<Integer> c = history.getLast().counts();
            for (int k = 0; k < lastCounts.length; k++) {
                lastCounts[k] = c.get(k);
            }
        }
        this.lastSpecies = lastCapture == null ? empty() : species(totals(lastCapture), lastCounts,
                new int[labels.size()]);
        publishStats();
    }

    String trap() {
        return trap;
    }

    /**
     * When a capture is next owed, so a missing one can be reported: {@code missedAfter} after the last capture that
     * came (counted or failed) or after {@code startedAt}; null when missed captures are not watched or one is
     * already reported.
     */
    Instant missedAt(Instant startedAt) {
        Duration after = settings.missedAfterOrDefault();
        if (after.isZero() || missed != null) {
            return null;
        }
        return since(startedAt).plus(after);
    }

    /** The last capture that came since the pipeline started (counted or failed), else its start. */
    private Instant since(Instant startedAt) {
        return lastTaken == null ? startedAt : lastTaken;
    }

    /** A counted capture: its result first, then the alerts it raises, changes or ends. */
    List<PipelineResult> counted(FrameRef frame, Instant at, List<Detection> found) throws SQLException {
        boolean changed = lastCount >= settings.trapChange().minCount()
                && found.size() <= settings.trapChange().below() * lastCount;
        boolean newPeriod = changed || period == 0;
        if (newPeriod) {
            period++;
            periodStart = at;
            known = new ArrayList<>();
            nextId = 1;
        }
        ArrivalMatcher.Matched m = matcher.match(found, known, nextId);
        int[] counts = new int[labels.size()];
        int[] arrivals = new int[labels.size()];
        for (PestInsect i : m.seen()) {
            int k = labels.indexOf(i.species());
            if (k >= 0) {
                counts[k]++;
                if (i.arrival()) {
                    arrivals[k]++;
                }
            }
            if (i.arrival()) {
                known.add(i);
            }
        }
        nextId = m.nextId();
        store.saveCounted(trap, at, period, newPeriod, m.seen(), labels, counts);
        lastCount = m.seen().size();
        lastCapture = at;
        lastTaken = at;
        captures++;
        Totals totals = totals(at);
        lastSpecies = species(totals, counts, arrivals);
        if (history.size() == settings.history()) {
            history.removeFirst();
        }
        history.addLast(new PestStats.HistoryPoint(at, Arrays.stream(counts).boxed().toList(), m.arrivals()));
        List<PipelineResult> out = new ArrayList<>();
        out.add(new PestResult(frame, 0, null, 0, model, trap, CaptureStatus.COUNTED, "", period, periodStart,
                changed, lastSpecies, m.seen(), m.unseen()));
        if (missed != null) {
            out.add(PipelineAlert.of(frame, model, missed.eventId(), PipelineAlert.Type.END, MISSED_KIND,
                    PipelineAlert.Severity.WARNING, trap + ": captures arrive again", missed.startedAt(), at,
                    List.of()));
            store.removeAlert(trap, MISSED_KEY);
            missed = null;
        }
        out.addAll(thresholds.evaluate(at, frame, model, totals));
        publishStats();
        return out;
    }

    /** A frame that shows no trap: reported, recorded, the counts kept. */
    List<PipelineResult> failed(FrameRef frame, Instant at, String reason) throws SQLException {
        store.saveUncounted(trap, at, period, CaptureStatus.FAILED, reason);
        failed++;
        lastTaken = at;
        publishStats();
        return List.of(new PestResult(frame, 0, null, 0, model, trap, CaptureStatus.FAILED, reason, period,
                periodStart, false, lastSpecies, List.of(), 0));
    }

    /** No capture for too long: a missed result and an alert that ends with the next counted capture. */
    List<PipelineResult> missed(Instant at, Instant startedAt) throws SQLException {
        Instant since = since(startedAt);
        String reason = "no capture since " + since + " (missedAfter " + settings.missedAfterOrDefault()
                + "): is the camera online and pointed at the trap?";
        store.saveUncounted(trap, at, period, CaptureStatus.MISSED, reason);
        failed++;
        FrameRef none = FrameRef.none(camera, at);
        List<PipelineResult> out = new ArrayList<>();
        out.add(new PestResult(none, 0, null, 0, model, trap, CaptureStatus.MISSED, reason, period, periodStart,
                false, lastSpecies, List.of(), 0));
        if (missed == null) {
            long minutes = Duration.between(since, at).toMinutes();
            missed = new ActiveAlert(MISSED_KEY, pipeline + ":" + trap + ":missed:" + at.getEpochSecond(), at,
                    (int) Math.min(Integer.MAX_VALUE, minutes));
            store.putAlert(trap, missed);
            out.add(PipelineAlert.of(none, model, missed.eventId(), PipelineAlert.Type.NEW, MISSED_KIND,
                    PipelineAlert.Severity.WARNING, trap + ": " + reason, at, null,
                    List.of(new PipelineAlert.Value("minutes_without_capture", minutes, "min"))));
        }
        publishStats();
        return out;
    }

    PestStats stats() {
        return stats;
    }

    private Totals totals(Instant at) throws SQLException {
        Map<String, Integer> day = store.arrivals(trap, calendar.dayStart(at), calendar.nextDay(at));
        Map<String, Integer> week = store.arrivals(trap, calendar.weekStart(at, 0), calendar.weekStart(at, -1));
        Map<String, Integer> inPeriod = store.arrivalsInPeriod(trap, period);
        return new Totals(day, week, inPeriod);
    }

    private List<SpeciesCount> species(Totals t, int[] counts, int[] arrivals) {
        List<SpeciesCount> out = new ArrayList<>(labels.size());
        for (int k = 0; k < labels.size(); k++) {
            String l = labels.get(k);
            out.add(new SpeciesCount(l, counts[k], arrivals[k], t.of(Window.DAY, l), t.of(Window.WEEK, l),
                    t.of(Window.PERIOD, l)));
        }
        return out;
    }

    private List<SpeciesCount> empty() {
        return labels.stream().map(l -> new SpeciesCount(l, 0, 0, 0, 0, 0)).toList();
    }

    private void publishStats() {
        stats = new PestStats(trap, period, periodStart, lastCapture, captures, failed, lastSpecies,
                thresholds.raised(), List.copyOf(history));
    }
}
