package io.loupe.pipelines.gait.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Missing keypoints are gaps, not zeros: short gaps are bridged, long ones stay gaps; smoothing keeps gaps. */
class GaitSignalsTest {

    @Test
    void slope_leavesOutMissingValues_andIsNaNWithoutTwoOfThem() {
        double[] t = {0, 1, 2, 3, 4};
        double[] v = {1, Double.NaN, 5, 7, 100};

        // 2 per unit of t through the first four (the gap left out), the last one outside the range
        assertThat(Signals.slope(t, v, 0, 4)).isCloseTo(2.0, within(1e-12));
        assertThat(Signals.slope(t, v, 0, 2)).isNaN();
        assertThat(Signals.slope(new double[] {2, 2}, new double[] {1, 3}, 0, 2)).isNaN();
    }

    @Test
    void fillGaps_shortInteriorGap_isInterpolated_longAndEdgeGapsStay() {
        double n = Double.NaN;
        double[] v = {n, 1, 2, n, 4, 5, n, n, n, n, 10, n};

        double[] filled = Signals.fillGaps(v, 2);

        assertThat(filled[3]).isEqualTo(3.0);
        assertThat(filled[0]).isNaN();
        assertThat(filled[6]).isNaN();
        assertThat(filled[9]).isNaN();
        assertThat(filled[11]).isNaN();
    }

    @Test
    void smooth_neverTurnsAGapIntoAValue() {
        double n = Double.NaN;
        double[] s = Signals.smooth(new double[] {1, 2, n, 4, 5}, 1);
        assertThat(s[2]).isNaN();
        assertThat(s[1]).isEqualTo(1.5);
        assertThat(s[3]).isEqualTo(4.5);
    }

    @Test
    void peaks_findTheMaximaAboveTheProminenceOnly() {
        double[] v = new double[100];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.sin(2 * Math.PI * i / 25.0) + 0.05 * Math.sin(2 * Math.PI * i / 3.0);
        }
        List<Integer> peaks = Signals.peaks(v, 0, v.length, 6, 0.5);
        assertThat(peaks).hasSize(4);
        assertThat(peaks.get(1) - peaks.get(0)).isBetween(24, 26);
    }

    @Test
    void peaks_openEnd_aRiseThatStaysIsAPeak_closedEndIsNot() {
        // given a foot that swings forward and lands just before the walker freezes: the signal rises and stays
        double[] v = new double[40];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 25 ? -Math.cos(Math.PI * i / 25.0) : 1.0;
        }

        // then only with an open end does the plateau count, and it begins where the rise ends
        assertThat(Signals.peaks(v, 0, 40, 6, 0.5)).isEmpty();
        List<Integer> open = Signals.peaks(v, 0, 40, 6, 0.5, true);
        assertThat(open).hasSize(1);
        assertThat(HeelStrikes.plateauOnset(v, 0, open.get(0), 6)).isBetween(20, 25);
    }

    @Test
    void period_pooledOverShortSegments_findsTheStride() {
        // given three noisy segments of two strides each (stride 30 samples), as between the turns of a frontal walk
        List<double[]> parts = new java.util.ArrayList<>();
        java.util.Random rng = new java.util.Random(5);
        for (int s = 0; s < 3; s++) {
            double[] d = new double[60];
            for (int i = 0; i < d.length; i++) {
                d[i] = Math.sin(2 * Math.PI * i / 30.0 + s) + 0.2 * rng.nextGaussian();
            }
            double mean = java.util.Arrays.stream(d).average().orElseThrow();
            for (int i = 0; i < d.length; i++) {
                d[i] -= mean;
            }
            parts.add(d);
        }

        // when the autocorrelation is pooled over them, with lags up to the segment's length less 0.5 s (12 samples)
        double period = HeelStrikes.period(parts, 15, 60 - 12);

        // then the stride is found within 3 %, between samples
        assertThat(period).isBetween(29.1, 30.9);
    }

    @Test
    void period_frontalFeetNamedCrosswiseInSomeSteps_strideFromTheLabelFreeStepRhythm() {
        // given a frontal walker (stride 30 samples) whose feet the pose model names crosswise in some of his steps, as
        // BlazePose heavy did on a back view: the signed distance of the feet apart loses its rhythm, not its size
        int n = 150;
        double[] height = {20, 18, 18, 20, 20, 80, 80, 120, 120, 150, 150, 160, 160, 230, 230, 300, 300, 305, 305, 305,
                305}; // pixels below the top, by joint
        KeypointSeries series = new KeypointSeries();
        for (int i = 0; i < n; i++) {
            double scale = 1 + 0.002 * i;   // walking towards the camera
            double apart = 12 * Math.sin(2 * Math.PI * i / 30.0);
            int step = i / 15;
            boolean crosswise = step == 1 || step == 5 || step == 7 || step == 9;
            float[] x = new float[Joints.COUNT];
            float[] y = new float[Joints.COUNT];
            float[] score = new float[Joints.COUNT];
            java.util.Arrays.fill(score, 0.9f);
            for (int j = 0; j < Joints.COUNT; j++) {
                boolean foot = j >= Joints.LEFT_ANKLE;
                double lift = !foot ? 0 : (crosswise ? -apart : apart) / 2 * (j % 2 == 1 ? 1 : -1);
                x[j] = (float) (320 + (j == Joints.NOSE ? 0 : j % 2 == 1 ? 25 : -25) * scale);
                y[j] = (float) (100 + scale * (height[j] + lift));
            }
            series.add(i / 25.0, x, y, score);
        }
        Tracks k = new Tracks(series, AnalysisSettings.defaults());

        // when the stride period is looked for over the walk
        double period = HeelStrikes.period(k, View.FRONTAL, List.of(new Stretch(0, n, 1)), false);

        // then it is two periods of how far apart the feet are, whichever is lower
        assertThat(period).isBetween(28.5, 31.5);
    }

    @Test
    void series_missingJoint_isNaNNotZero() {
        KeypointSeries s = new KeypointSeries(2);
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        java.util.Arrays.fill(x, 5f);
        java.util.Arrays.fill(y, 6f);
        x[Joints.LEFT_WRIST] = Float.NaN;
        s.add(0, x, y, new float[Joints.COUNT]);
        s.addMissing(0.04);
        for (int i = 0; i < 20; i++) {
            s.add(0.08 + i * 0.04, x, y, new float[Joints.COUNT]);
        }

        assertThat(s.x(Joints.LEFT_WRIST, 0)).isNaN();
        assertThat(s.x(Joints.NOSE, 1)).isNaN();
        assertThat(s.size()).isEqualTo(22);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.add(0.0, x, y, new float[Joints.COUNT]))
                .hasMessageContaining("before the previous one");
    }
}
