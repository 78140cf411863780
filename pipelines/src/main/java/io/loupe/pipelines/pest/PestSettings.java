package io.loupe.pipelines.pest;

import io.loupe.pipelines.PipelineSettings;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The settings of a {@code type: pest} pipeline (its {@code settings:} block). Every key is optional; a missing one
 * takes its value from {@link #defaults()}.
 *
 * @param trap          the trap's name in results and the store; empty for the camera's id
 * @param interval      one capture every this long (a trap camera: {@code 15m}); 0 takes every frame the mailbox
 *                      gives (a folder watched for new images gives each image once)
 * @param missedAfter   a capture missing for this long is reported (result {@code missed}, alert
 *                      {@code pest_capture_missed}); 0 for twice the interval, or never when the interval is 0
 * @param tiles         sliced detection
 * @param minScore      detections below this score are not counted; 0 for the model's confidence
 * @param matchDistance an insect seen at most this many of its sizes away from one already on the trap is that one
 *                      (not a new arrival); default 0.5
 * @param trapChange    when a drop in the count means the card was replaced
 * @param thresholds    action thresholds per species
 * @param store         the SQLite file of the trap's counts; empty for {@code <dataDir>/pipelines/<id>/pest.db}
 * @param timeZone      the zone days and weeks are counted in, e.g. {@code Europe/Amsterdam}; empty for the system's
 * @param history       captures kept in memory for the page's count history (default 200)
 */
public record PestSettings(String trap, Duration interval, Duration missedAfter, TileSettings tiles, double minScore,
                           double matchDistance, TrapChangeSettings trapChange, List<ActionThreshold> thresholds,
                           Path store, String timeZone, int history) implements PipelineSettings {

    public PestSettings {
        trap = trap == null ? "" : trap.trim();
        interval = interval == null ? Duration.ZERO : interval;
        missedAfter = missedAfter == null ? Duration.ZERO : missedAfter;
        tiles = tiles == null ? TileSettings.defaults() : tiles;
        trapChange = trapChange == null ? TrapChangeSettings.defaults() : trapChange;
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        timeZone = timeZone == null ? "" : timeZone.trim();
        history = history == 0 ? 200 : history;
        if (interval.isNegative()) {
            throw new IllegalArgumentException("interval is " + interval + "; use 0 (every frame) or a positive"
                    + " duration, e.g. 15m");
        }
        if (missedAfter.isNegative()) {
            throw new IllegalArgumentException("missedAfter is " + missedAfter + "; use 0 (twice the interval) or a"
                    + " positive duration, e.g. 1h");
        }
        if (!missedAfter.isZero() && !interval.isZero() && missedAfter.compareTo(interval) <= 0) {
            throw new IllegalArgumentException("missedAfter (" + missedAfter + ") must be longer than interval ("
                    + interval + "), or every capture would be reported missing");
        }
        if (!(minScore >= 0 && minScore < 1)) {
            throw new IllegalArgumentException("minScore is " + minScore + "; use a score in [0, 1), 0 for the"
                    + " model's confidence");
        }
        if (!(matchDistance > 0 && matchDistance <= 5)) {
            throw new IllegalArgumentException("matchDistance is " + matchDistance + "; use (0, 5] insect sizes, e.g."
                    + " 0.5");
        }
        if (history < 1 || history > 10_000) {
            throw new IllegalArgumentException("history is " + history + "; use 1..10000 captures");
        }
        if (!timeZone.isEmpty()) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("timeZone '" + timeZone + "' is not a zone id; write e.g."
                        + " Europe/Amsterdam, or leave it out for the system's");
            }
        }
        Set<String> keys = new HashSet<>();
        for (ActionThreshold t : thresholds) {
            if (!keys.add(t.key())) {
                throw new IllegalArgumentException("thresholds: " + t.describe() + " is given twice; keep one");
            }
        }
    }

    public static PestSettings defaults() {
        return new PestSettings("", Duration.ZERO, Duration.ZERO, TileSettings.defaults(), 0, 0.5,
                TrapChangeSettings.defaults(), List.of(), null, "", 200);
    }

    /** The zone days and weeks are counted in. */
    public ZoneId zone() {
        return timeZone.isEmpty() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
    }

    /** How long without a capture is reported; {@link Duration#ZERO} for never. */
    public Duration missedAfterOrDefault() {
        return missedAfter.isZero() ? interval.multipliedBy(2) : missedAfter;
    }

    /** These settings with other tiles (to compare sliced with whole-frame detection). */
    public PestSettings withTiles(TileSettings newTiles) {
        return new PestSettings(trap, interval, missedAfter, newTiles, minScore, matchDistance, trapChange, thresholds,
                store, timeZone, history);
    }

    /** These settings with another store file. */
    public PestSettings withStore(Path newStore) {
        return new PestSettings(trap, interval, missedAfter, tiles, minScore, matchDistance, trapChange, thresholds,
                newStore, timeZone, history);
    }

    /** These settings with the trap's store in {@code dir/pest.db}. */
    @Override
    public PestSettings writingUnder(Path dir) {
        return withStore(dir.resolve("pest.db"));
    }

    /** These settings with other thresholds. */
    public PestSettings withThresholds(List<ActionThreshold> newThresholds) {
        return new PestSettings(trap, interval, missedAfter, tiles, minScore, matchDistance, trapChange,
                newThresholds, store, timeZone, history);
    }
}
