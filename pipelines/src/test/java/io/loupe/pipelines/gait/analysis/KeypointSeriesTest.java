package io.loupe.pipelines.gait.analysis;

import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keypoint buffer the bout segmenter records into and reuses. */
class KeypointSeriesTest {

    /** Sample {@code i}: time {@code i / 25}, joint {@code j} at ({@code i + j}, {@code -i}), feet and sole by i. */
    private static KeypointSeries numbered(int from, int to) {
        KeypointSeries s = new KeypointSeries(8);
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        float[] score = new float[Joints.COUNT];
        for (int i = from; i < to; i++) {
            for (int j = 0; j < Joints.COUNT; j++) {
                x[j] = i + j;
                y[j] = -i;
                score[j] = j / 100f;
            }
            x[Joints.NOSE] = i % 3 == 0 ? Float.NaN : i;
            s.add(i / 25.0, x, y, score, i, 2 * i, i % 5 == 0 ? Float.NaN : 400 + i);
        }
        return s;
    }

    private static void assertSample(KeypointSeries s, int at, int i) {
        assertThat(s.time(at)).isEqualTo(i / 25.0);
        assertThat(s.x(Joints.LEFT_ANKLE, at)).isEqualTo((float) (i + Joints.LEFT_ANKLE));
        assertThat(s.y(Joints.RIGHT_TOE, at)).isEqualTo((float) -i);
        assertThat(s.score(Joints.RIGHT_HIP, at)).isEqualTo(Joints.RIGHT_HIP / 100f);
        assertThat(Float.compare(s.x(Joints.NOSE, at), i % 3 == 0 ? Float.NaN : i)).as("nose x").isZero();
        assertThat(s.footMotion(0, at)).isEqualTo((float) i);
        assertThat(s.footMotion(1, at)).isEqualTo(2f * i);
        assertThat(Float.compare(s.silhouetteBottom(at), i % 5 == 0 ? Float.NaN : 400f + i)).as("sole").isZero();
    }

    @Test
    void append_copiesEveryValueOfTheRange_growingPastItsCapacity() {
        KeypointSeries source = numbered(0, 100);
        KeypointSeries s = numbered(0, 3);

        s.append(source, 40, 90);

        assertThat(s.size()).isEqualTo(53);
        for (int at = 0; at < 3; at++) {
            assertSample(s, at, at);
        }
        for (int at = 3; at < 53; at++) {
            assertSample(s, at, 37 + at);
        }
        assertThat(source.size()).isEqualTo(100);
    }

    @Test
    void append_outOfRangeOrBackInTime_isRefused() {
        KeypointSeries source = numbered(0, 10);
        KeypointSeries later = numbered(20, 25);

        assertThatThrownBy(() -> numbered(0, 2).append(source, 5, 11)).hasMessageContaining("5..11")
                .hasMessageContaining("0..10");
        assertThatThrownBy(() -> later.append(source, 0, 3)).hasMessageContaining("before the previous one");
        later.append(source, 3, 3);
        assertThat(later.size()).isEqualTo(5);
    }

    @Test
    void removeFirst_keepsTheRestInOrderAndTheBufferForMore() {
        KeypointSeries s = numbered(0, 30);

        s.removeFirst(12);
        s.append(numbered(30, 40), 0, 10);

        assertThat(s.size()).isEqualTo(28);
        for (int at = 0; at < 28; at++) {
            assertSample(s, at, 12 + at);
        }
        assertThatThrownBy(() -> s.removeFirst(29)).hasMessageContaining("29 of 28");
        s.removeFirst(28);
        assertThat(s.size()).isZero();
    }
}
