package io.loupe.pipelines.defect;

import io.loupe.models.Detection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefectJudgeTest {
    private static final PartInView PART = new PartInView("P1", new Box(0, 0, 640, 480), Instant.EPOCH);

    private static Detection det(String label, float score, float x, float y, float size) {
        return new Detection(0, label, score, x, y, x + size, y + size);
    }

    private static DefectJudge.Judgement judge(DefectRules rules, double mmPerPixel, InspectionArea area,
                                               Detection... detections) {
        return new DefectJudge(rules, mmPerPixel, area).judge(new PartInspection(PART, List.of(detections), null,
                List.of(), null));
    }

    private static DefectJudge.Judgement judge(DefectRules rules, Detection... detections) {
        return judge(rules, 0, new InspectionArea(List.of(), List.of()), detections);
    }

    @Test
    void judge_noFindings_isOk() {
        DefectJudge.Judgement j = judge(DefectRules.defaults());

        assertThat(j.verdict()).isEqualTo(Verdict.OK);
        assertThat(j.reasons()).isEmpty();
    }

    @Test
    void judge_detectionAboveMinScore_isNgWithReason() {
        DefectJudge.Judgement j = judge(DefectRules.defaults(), det("scratch", 0.8f, 10, 10, 20));

        assertThat(j.verdict()).isEqualTo(Verdict.NG);
        assertThat(j.reasons()).containsExactly("scratch 0.80 >= 0.50");
        assertThat(j.counted()).singleElement().satisfies(d -> {
            assertThat(d.sizePx()).isEqualTo(20);
            assertThat(d.sizeMm()).isNull();
            assertThat(d.source()).isEqualTo(DefectSource.DETECTOR);
        });
    }

    @Test
    void judge_belowScoreOrArea_isIgnoredAndCounted() {
        DefectRules rules = new DefectRules(0.5, Map.of(), 100, 0);

        DefectJudge.Judgement j = judge(rules, det("spot", 0.4f, 10, 10, 20), det("spot", 0.9f, 10, 10, 5));

        assertThat(j.verdict()).isEqualTo(Verdict.OK);
        assertThat(j.ignored()).isEqualTo(2);
    }

    @Test
    void judge_classMinScore_overridesDefault() {
        DefectRules rules = new DefectRules(0.5, Map.of("spot", 0.95), 0, 0);

        assertThat(judge(rules, det("spot", 0.9f, 10, 10, 20)).verdict()).isEqualTo(Verdict.OK);
        assertThat(judge(rules, det("scratch", 0.9f, 10, 10, 20)).verdict()).isEqualTo(Verdict.NG);
    }

    @Test
    void judge_withinMaxDefects_isOk_beyondIsNgWithCountReason() {
        DefectRules rules = new DefectRules(0.5, Map.of(), 0, 1);

        assertThat(judge(rules, det("spot", 0.9f, 10, 10, 20)).verdict()).isEqualTo(Verdict.OK);
        DefectJudge.Judgement two = judge(rules, det("spot", 0.9f, 10, 10, 20), det("spot", 0.8f, 50, 50, 20));
        assertThat(two.verdict()).isEqualTo(Verdict.NG);
        assertThat(two.reasons()).first().isEqualTo("2 defects > maxDefects 1");
    }

    @Test
    void judge_minSizeMm_usesCalibration() {
        // 20 px at 0.1 mm/px is 2 mm; 40 px is 4 mm
        DefectRules rules = new DefectRules(0.5, Map.of(), 0, 0, 0, 3.0);
        InspectionArea whole = new InspectionArea(List.of(), List.of());

        DefectJudge.Judgement small = judge(rules, 0.1, whole, det("crack", 0.9f, 10, 10, 20));
        DefectJudge.Judgement large = judge(rules, 0.1, whole, det("crack", 0.9f, 10, 10, 40));

        assertThat(small.verdict()).isEqualTo(Verdict.OK);
        assertThat(small.ignored()).isEqualTo(1);
        assertThat(large.verdict()).isEqualTo(Verdict.NG);
        assertThat(large.counted().get(0).sizeMm()).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(large.reasons()).containsExactly("crack 0.90 >= 0.50, size 4.00 mm >= 3.00 mm");
    }

    @Test
    void judge_minSizePx_dropsSmallFindings() {
        DefectRules rules = new DefectRules(0.5, Map.of(), 0, 0, 25, 0);

        assertThat(judge(rules, det("spot", 0.9f, 10, 10, 20)).verdict()).isEqualTo(Verdict.OK);
        assertThat(judge(rules, det("spot", 0.9f, 10, 10, 30)).reasons())
                .containsExactly("spot 0.90 >= 0.50, size 30 px >= 25 px");
    }

    @Test
    void judge_findingsOutsideRoiOrInIgnoreRegion_doNotCount() {
        // given an ROI of the left half, with a logo region in it
        InspectionArea area = new InspectionArea(
                List.of(List.of(0.0, 0.0), List.of(320.0, 0.0), List.of(320.0, 480.0), List.of(0.0, 480.0)),
                List.of(new IgnoreRegion("logo", List.of(List.of(100.0, 100.0), List.of(200.0, 100.0),
                        List.of(200.0, 200.0), List.of(100.0, 200.0)))));

        DefectJudge.Judgement j = judge(DefectRules.defaults(), 0, area,
                det("spot", 0.9f, 400, 50, 10),   // outside the ROI
                det("spot", 0.9f, 140, 140, 10),  // on the logo
                det("spot", 0.9f, 20, 300, 10));  // counts

        assertThat(j.verdict()).isEqualTo(Verdict.NG);
        assertThat(j.counted()).hasSize(1);
        assertThat(j.counted().get(0).x1()).isEqualTo(20f);
        assertThat(j.ignored()).isEqualTo(2);
    }

    @Test
    void judge_anomalousRegions_countBySize_andNormalRegionsDoNot() {
        AnomalyOutcome high = new AnomalyOutcome("template", 6.0, 3.0);
        List<PartInspection.AnomalyRegion> regions = List.of(
                new PartInspection.AnomalyRegion(new Box(10, 10, 30, 20), 6.0),
                new PartInspection.AnomalyRegion(new Box(100, 100, 2, 2), 3.5));
        DefectRules rules = new DefectRules(0.5, Map.of(), 0, 0, 5, 0);
        DefectJudge judge = new DefectJudge(rules, 0, new InspectionArea(List.of(), List.of()));

        DefectJudge.Judgement j = judge.judge(new PartInspection(PART, List.of(), high, regions, null));
        DefectJudge.Judgement normal = judge.judge(new PartInspection(PART, List.of(),
                new AnomalyOutcome("template", 2.0, 3.0), List.of(), null));

        assertThat(j.verdict()).isEqualTo(Verdict.NG);
        assertThat(j.counted()).singleElement().satisfies(d -> {
            assertThat(d.label()).isEqualTo("anomaly");
            assertThat(d.source()).isEqualTo(DefectSource.ANOMALY);
            assertThat(d.sizePx()).isEqualTo(30);
        });
        assertThat(j.reasons()).containsExactly("anomaly 6.000 >= 3.000 at [10, 10, 30, 20], size 30 px >= 5 px");
        assertThat(j.ignored()).isEqualTo(1);
        assertThat(normal.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void rules_outOfRange_nameTheValue() {
        assertThatThrownBy(() -> new DefectRules(1.5, Map.of(), 0, 0)).hasMessageContaining("minScore must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new DefectRules(0.5, Map.of("x", -1.0), 0, 0)).hasMessageContaining("classMinScore.x");
        assertThatThrownBy(() -> new DefectRules(0.5, Map.of(), 0, 0, 0, -1)).hasMessageContaining("minSizeMm must be >= 0");
    }

    @Test
    void sequenced_pastDeadline_isLate_withinIsOnTime() {
        DefectResult r = new DefectResult(new io.loupe.pipelines.FrameRef("cam", 7, -1, Instant.EPOCH, 640, 480), 0,
                null, 0, null, "P1", PartMode.PRESENCE, PART.box(), Verdict.OK, List.of(), List.of(), 0, null,
                Instant.EPOCH, java.time.Duration.ofMillis(100), Timing.ON_TIME, false, null);

        assertThat(r.sequenced(1, Instant.EPOCH, 99.9).timing()).isEqualTo(Timing.ON_TIME);
        DefectResult late = r.sequenced(2, Instant.EPOCH, 100.1);
        assertThat(late.timing()).isEqualTo(Timing.LATE);
        assertThat(late.seq()).isEqualTo(2);
        assertThat(late.schema()).isEqualTo("loupe.defect.result/1");
        assertThat(late.verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void fixed_matchesStringFormatInTheRootLocale_forScoresSizesAndThresholds() {
        double[] values = {0, -0.0, 0.5, 0.8f, 0.125, 0.995, 1.005, 3, 4.0004, 29.5, 30.49, 1234.5678, 0.3333f, -0.001,
            -2.675, 0.29, 1e-7, 999_999_999.995, 2e9, 1e300, Double.MIN_VALUE};
        for (double v : values) {
            for (int places = 0; places <= 7; places++) {
                assertFixedAsFormat(v, places);
            }
        }
        // decimal halves of every kind and random values, as scores (0..1), sizes (px, mm) and thresholds come
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            int places = rng.nextInt(0, 4);
            double v = i % 2 == 0 ? rng.nextDouble() * Math.pow(10, rng.nextInt(0, 6))
                    : (rng.nextLong(0, 2_000_000) * 10 + 5) / Math.pow(10, places + 1 + rng.nextInt(0, 2));
            assertFixedAsFormat(v, places);
        }
    }

    private static void assertFixedAsFormat(double v, int places) {
        String expected = String.format(java.util.Locale.ROOT, "%." + places + "f", v);
        assertThat(DefectJudge.fixed(new StringBuilder(), v, places).toString())
                .as("%s with %d places", v, places).isEqualTo(expected);
    }
}
