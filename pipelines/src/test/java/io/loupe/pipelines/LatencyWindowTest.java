package io.loupe.pipelines;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyWindowTest {

    @Test
    void percentile_overFullWindow_usesNearestRank() {
        LatencyWindow w = new LatencyWindow(100);
        for (int i = 1; i <= 100; i++) {
            w.record(i);
        }

        assertThat(w.percentile(50)).isEqualTo(50);
        assertThat(w.percentile(99)).isEqualTo(99);
        assertThat(w.percentile(100)).isEqualTo(100);
    }

    @Test
    void percentile_afterWrapping_forgetsOldValues() {
        LatencyWindow w = new LatencyWindow(10);
        for (int i = 0; i < 10; i++) {
            w.record(1000);
        }
        for (int i = 0; i < 10; i++) {
            w.record(1);
        }

        assertThat(w.percentile(99)).isEqualTo(1);
    }

    @Test
    void percentile_empty_isNaN() {
        assertThat(new LatencyWindow(4).percentile(50)).isNaN();
    }

    @Test
    void rate_evenlySpacedMarks_givesTheirFrequency() {
        RateMeter r = new RateMeter(8);
        for (int i = 0; i < 8; i++) {
            r.mark(i * 40_000_000L);
        }

        assertThat(r.perSecond(7 * 40_000_000L, 1_000_000_000L)).isCloseTo(25.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.perSecond(10_000_000_000L, 1_000_000_000L)).isZero();
    }
}
