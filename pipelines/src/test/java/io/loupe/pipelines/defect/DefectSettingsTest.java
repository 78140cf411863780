package io.loupe.pipelines.defect;

import io.loupe.models.Model;
import io.loupe.models.ModelSpec;
import io.loupe.pipelines.PipelineContext;
import io.loupe.pipelines.TestData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each settings mistake is refused with the offending value and the fix. */
class DefectSettingsTest {
    private static final DefectSettings D = DefectSettings.defaults();

    private static DefectSettings with(List<List<Double>> roi, double mmPerPixel, DefectRules rules) {
        return new DefectSettings(D.mode(), roi, D.ignore(), rules, mmPerPixel, D.deadline(), D.reject(), D.trigger(),
                D.presence(), D.anomaly(), D.ngImages(), D.stats());
    }

    @Test
    void defaults_judgeEveryFrame_withoutRoi() {
        assertThat(D.mode()).isEqualTo(PartMode.FRAME);
        assertThat(D.roi()).isEmpty();
        assertThat(D.rules()).isEqualTo(DefectRules.defaults());
        assertThat(D.deadline()).isEqualTo(Duration.ofSeconds(1));
        assertThat(D.stats().starts()).hasSize(3);
    }

    @Test
    void minSizeMm_withoutCalibration_namesBothSettings() {
        assertThatThrownBy(() -> with(List.of(), 0, new DefectRules(0.5, Map.of(), 0, 0, 0, 0.5)))
                .hasMessageContaining("rules.minSizeMm is 0.5").hasMessageContaining("set mmPerPixel");
    }

    @Test
    void roi_withTwoPoints_orABadPoint_isRefused() {
        assertThatThrownBy(() -> with(List.of(List.of(0.0, 0.0), List.of(10.0, 10.0)), 0, DefectRules.defaults()))
                .hasMessageContaining("roi has 2 point(s); a polygon needs at least 3");
        assertThatThrownBy(() -> with(List.of(List.of(0.0, 0.0), List.of(10.0), List.of(5.0, 5.0)), 0,
                DefectRules.defaults())).hasMessageContaining("roi: point 1 is [10.0]; write each point as [x, y]");
        assertThatThrownBy(() -> with(List.of(List.of(0.0, 0.0), List.of(-1.0, 3.0), List.of(5.0, 5.0)), 0,
                DefectRules.defaults())).hasMessageContaining(">= 0");
    }

    @Test
    void triggerDelay_notShorterThanDeadline_isRefused() {
        assertThatThrownBy(() -> D.withMode(PartMode.TRIGGER).withDeadline(Duration.ofMillis(200))
                .withTrigger(new TriggerSettings(Duration.ofMillis(200), 8)))
                .hasMessageContaining("trigger.delay (200 ms) must be shorter than deadline (200 ms)");
    }

    @Test
    void shifts_andTimeZone_areChecked() {
        assertThatThrownBy(() -> new StatsSettings(List.of("6 o'clock"), ""))
                .hasMessageContaining("'6 o'clock' is not a local time; write HH:mm");
        assertThatThrownBy(() -> new StatsSettings(List.of("06:00"), "Mars/Olympus"))
                .hasMessageContaining("'Mars/Olympus' is not a time zone");
        assertThatThrownBy(() -> new StatsSettings(List.of(), "")).hasMessageContaining("at least one start time");
    }

    @Test
    void presence_evenBlur_andNgImageLimits_areChecked() {
        assertThatThrownBy(() -> new PresenceSettings(Polarity.BRIGHTER, 128, 4, 100, 4, 2, 3, 80))
                .hasMessageContaining("presence.blurPx must be odd");
        assertThatThrownBy(() -> new NgImageSettings(Path.of("x"), 0, 10, 90, 4))
                .hasMessageContaining("ngImages.maxCount must be >= 1, got 0");
        assertThatThrownBy(() -> new IgnoreRegion("logo", List.of(List.of(1.0, 1.0))))
                .hasMessageContaining("ignore region 'logo' has 1 point(s)");
    }

    @Test
    void factory_classMinScoreForUnknownLabel_namesTheModelsLabels() throws Exception {
        try (Model model = Model.load(ModelSpec.of("dark-defect", TestData.repo("models/zoo/dark-defect.onnx")))) {
            DefectSettings s = D.withRules(new DefectRules(0.5, Map.of("scratch", 0.6), 0, 0));

            assertThatThrownBy(() -> new DefectPipelineFactory().create(PipelineContext.of("p", "c"), model, s))
                    .hasMessageContaining("rules.classMinScore names 'scratch'")
                    .hasMessageContaining("use one of [defect]");
            DefectSettings withThreshold = new DefectSettings(D.mode(), D.roi(), D.ignore(), D.rules(), 0,
                    D.deadline(), D.reject(), D.trigger(), D.presence(), new AnomalySettings(null, 0.5),
                    D.ngImages(), D.stats());
            assertThatThrownBy(() -> new DefectPipelineFactory().create(PipelineContext.of("p", "c"), model,
                    withThreshold)).hasMessageContaining("anomaly.threshold is set but there is no anomaly path");
        }
    }

    @Test
    void factory_noModelNoTaughtFile_isRefused() {
        assertThatThrownBy(() -> new DefectPipelineFactory().create(PipelineContext.of("p", "c"), null, D))
                .hasMessageContaining("no model and no anomaly.file");
    }
}
