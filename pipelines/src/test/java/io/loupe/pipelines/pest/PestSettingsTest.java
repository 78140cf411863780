package io.loupe.pipelines.pest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each bad pest setting is refused with a message naming the value and the fix. */
class PestSettingsTest {

    private static PestSettings with(Duration interval, Duration missedAfter, double matchDistance,
                                     List<ActionThreshold> thresholds, String zone) {
        return new PestSettings("", interval, missedAfter, TileSettings.defaults(), 0, matchDistance,
                TrapChangeSettings.defaults(), thresholds, null, zone, 200);
    }

    @Test
    void defaults_everyFrameTiledNoThresholds() {
        PestSettings d = PestSettings.defaults();
        assertThat(d.interval()).isZero();
        assertThat(d.tiles().enabled()).isTrue();
        assertThat(d.tiles().overlap()).isEqualTo(0.2);
        assertThat(d.missedAfterOrDefault()).as("never, without an interval").isZero();
        assertThat(with(Duration.ofMinutes(15), Duration.ZERO, 0.5, List.of(), "").missedAfterOrDefault())
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void threshold_zeroMin_namesTheSpeciesAndTheFix() {
        assertThatThrownBy(() -> new ActionThreshold("whitefly", 0, Window.WEEK, 1))
                .hasMessageContaining("whitefly has min 0").hasMessageContaining("at least 1");
    }

    @Test
    void threshold_consecutiveDays_refused() {
        assertThatThrownBy(() -> new ActionThreshold("moth", 2, Window.DAY, 2))
                .hasMessageContaining("weeks 2 with per day").hasMessageContaining("per: week");
    }

    @Test
    void threshold_givenTwice_refused() {
        ActionThreshold t = new ActionThreshold("whitefly", 50, null, 0);
        assertThat(t.per()).isEqualTo(Window.WEEK);
        assertThat(t.describe()).isEqualTo("whitefly >= 50 per trap per week");
        assertThatThrownBy(() -> with(Duration.ZERO, Duration.ZERO, 0.5, List.of(t, t), ""))
                .hasMessageContaining("whitefly >= 50 per trap per week is given twice");
    }

    @Test
    void missedAfter_notLongerThanInterval_refused() {
        assertThatThrownBy(() -> with(Duration.ofMinutes(15), Duration.ofMinutes(10), 0.5, List.of(), ""))
                .hasMessageContaining("missedAfter (PT10M) must be longer than interval (PT15M)");
    }

    @Test
    void badZoneAndMatchDistance_refusedWithTheValue() {
        assertThatThrownBy(() -> with(Duration.ZERO, Duration.ZERO, 0.5, List.of(), "Mars/Olympus"))
                .hasMessageContaining("timeZone 'Mars/Olympus'").hasMessageContaining("Europe/Amsterdam");
        assertThatThrownBy(() -> with(Duration.ZERO, Duration.ZERO, 0, List.of(), ""))
                .hasMessageContaining("matchDistance is 0.0");
    }

    @Test
    void tiles_badOverlapOrSize_refused() {
        assertThatThrownBy(() -> new TileSettings(640, 0.95, false, true)).hasMessageContaining("tiles.overlap is 0.95");
        assertThatThrownBy(() -> new TileSettings(32, 0.2, false, true)).hasMessageContaining("tiles.size is 32 px");
        assertThatThrownBy(() -> new TrapChangeSettings(1.5, 10)).hasMessageContaining("trapChange.below is 1.5");
    }
}
