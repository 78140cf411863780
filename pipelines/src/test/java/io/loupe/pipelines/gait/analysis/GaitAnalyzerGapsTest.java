package io.loupe.pipelines.gait.analysis;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bouts whose keypoints are mostly missing are measured as far as they go, never invented, never a crash. */
class GaitAnalyzerGapsTest {

    private static KeypointSeries series(int n, boolean legs, boolean upper) {
        KeypointSeries s = new KeypointSeries();
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        float[] sc = new float[Joints.COUNT];
        for (int i = 0; i < n; i++) {
            Arrays.fill(x, Float.NaN);
            Arrays.fill(y, Float.NaN);
            for (int j = 0; j < Joints.COUNT; j++) {
                boolean isLeg = j >= Joints.LEFT_HIP;
                if ((isLeg && legs) || (!isLeg && upper)) {
                    x[j] = 300 + 10 * (j % 2) + i;
                    y[j] = 100 + 15 * j;
                    sc[j] = 0.9f;
                }
            }
            s.add(i / 25.0, x, y, sc);
        }
        return s;
    }

    @Test
    void analyze_nobodySeenAtAll_givesNoParametersAndNoCrash() {
        BoutAnalysis a = new GaitAnalyzer(AnalysisSettings.defaults()).analyze(series(100, false, false));

        assertThat(a.parameters().cadenceSpm()).isNull();
        assertThat(a.parameters().stepLengthBh()).isNull();
        assertThat(a.parameters().missing()).extracting(MissingParameter::name).contains("cadence_spm",
                "step_length_bh", "arm_swing_left_deg", "trunk_flexion_deg");
        assertThat(new GaitScoreRules(0.03).score(a.parameters(), a.lowerBody()).score()).isNull();
    }

    @Test
    void analyze_upperBodyOnly_legParametersMissingWithReasons() {
        BoutAnalysis a = new GaitAnalyzer(AnalysisSettings.defaults()).analyze(series(100, false, true));

        assertThat(a.lowerBody()).isZero();
        assertThat(a.parameters().cadenceSpm()).isNull();
        assertThat(a.parameters().missing()).filteredOn(m -> m.name().equals("cadence_spm")).singleElement()
                .satisfies(m -> assertThat(m.reason()).isNotBlank());
    }

    @Test
    void analyze_tooShort_isRefusedWithTheCount() {
        assertThatThrownBy(() -> new GaitAnalyzer(AnalysisSettings.defaults()).analyze(series(2, true, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 2");
    }
}
