package io.loupe.pipelines.defect;

import io.loupe.models.Detection;
import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.ModelRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerdictStageTest {
    private static final ModelRef MODEL = new ModelRef("m", "m", "1", "00", "CPU");
    private static final FrameRef FRAME = new FrameRef("cam", 7, -1, Instant.EPOCH, 640, 480);

    private static Detection det(String label, float score, float size) {
        return new Detection(0, label, score, 10, 10, 10 + size, 10 + size);
    }

    private static DefectResult judge(DefectRules rules, Detection... detections) {
        return new VerdictStage(rules, MODEL).apply(new Inspection(FRAME, List.of(detections)));
    }

    @Test
    void apply_noDetections_isOk() {
        DefectResult r = judge(DefectRules.defaults());

        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.reasons()).isEmpty();
        assertThat(r.frame()).isEqualTo(FRAME);
    }

    @Test
    void apply_detectionAboveMinScore_isNgWithReason() {
        DefectResult r = judge(DefectRules.defaults(), det("scratch", 0.8f, 20));

        assertThat(r.verdict()).isEqualTo(Verdict.NG);
        assertThat(r.reasons()).containsExactly("scratch 0.80 >= 0.50");
        assertThat(r.defects()).hasSize(1);
    }

    @Test
    void apply_belowScoreOrSize_isIgnoredAndCounted() {
        DefectRules rules = new DefectRules(0.5, Map.of(), 100, 0);

        DefectResult r = judge(rules, det("spot", 0.4f, 20), det("spot", 0.9f, 5));

        assertThat(r.verdict()).isEqualTo(Verdict.OK);
        assertThat(r.ignored()).isEqualTo(2);
    }

    @Test
    void apply_classMinScore_overridesDefault() {
        DefectRules rules = new DefectRules(0.5, Map.of("spot", 0.95), 0, 0);

        assertThat(judge(rules, det("spot", 0.9f, 20)).verdict()).isEqualTo(Verdict.OK);
        assertThat(judge(rules, det("scratch", 0.9f, 20)).verdict()).isEqualTo(Verdict.NG);
    }

    @Test
    void apply_withinMaxDefects_isOk() {
        DefectRules rules = new DefectRules(0.5, Map.of(), 0, 1);

        assertThat(judge(rules, det("spot", 0.9f, 20)).verdict()).isEqualTo(Verdict.OK);
        assertThat(judge(rules, det("spot", 0.9f, 20), det("spot", 0.8f, 20)).verdict()).isEqualTo(Verdict.NG);
    }

    @Test
    void rules_outOfRange_nameTheValue() {
        assertThatThrownBy(() -> new DefectRules(1.5, Map.of(), 0, 0)).hasMessageContaining("minScore must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new DefectRules(0.5, Map.of("x", -1.0), 0, 0)).hasMessageContaining("classMinScore.x");
    }

    @Test
    void sequenced_setsSeqTimeAndLatency_keepingTheVerdict() {
        DefectResult r = judge(DefectRules.defaults(), det("spot", 0.9f, 20)).sequenced(3, Instant.EPOCH, 12.5);

        assertThat(r.seq()).isEqualTo(3);
        assertThat(r.latencyMs()).isEqualTo(12.5);
        assertThat(r.verdict()).isEqualTo(Verdict.NG);
        assertThat(r.schema()).isEqualTo("loupe.defect.result/1");
    }
}
