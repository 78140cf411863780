package io.loupe.pipelines.defect;

import io.loupe.pipelines.defect.part.TriggerQueue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriggerQueueTest {
    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");

    @Test
    void takeReady_respectsDelay_andTakesEachTriggerOnce() {
        TriggerQueue q = new TriggerQueue(8, Duration.ofMillis(100), Duration.ofMillis(500));
        q.trigger("A", T0);
        q.trigger("B", T0.plusMillis(50));

        assertThat(q.takeReady(T0.plusMillis(99))).isEmpty();
        assertThat(q.takeReady(T0.plusMillis(120))).extracting(TriggerQueue.Pending::partId).containsExactly("A");
        assertThat(q.takeReady(T0.plusMillis(200))).extracting(TriggerQueue.Pending::partId).containsExactly("B");
        assertThat(q.takeReady(T0.plusMillis(300))).isEmpty();
    }

    @Test
    void takeExpired_atDeadline_inArrivalOrder() {
        TriggerQueue q = new TriggerQueue(8, Duration.ZERO, Duration.ofMillis(500));
        q.trigger("A", T0);
        q.trigger("B", T0.plusMillis(10));

        assertThat(q.nextDeadline()).isEqualTo(T0.plusMillis(500));
        assertThat(q.takeExpired(T0.plusMillis(499))).isEmpty();
        assertThat(q.takeExpired(T0.plusMillis(510))).extracting(TriggerQueue.Pending::partId)
                .containsExactly("A", "B");
        assertThat(q.nextDeadline()).isNull();
    }

    @Test
    void trigger_afterClose_isRefused() {
        TriggerQueue q = new TriggerQueue(8, Duration.ZERO, Duration.ofMillis(500));
        q.close();

        assertThatThrownBy(() -> q.trigger("A", T0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void trigger_controlCharacterOrTooLongId_isRefusedNamingIt() {
        TriggerQueue q = new TriggerQueue(8, Duration.ZERO, Duration.ofMillis(500));

        assertThatThrownBy(() -> q.trigger("A\nB", T0)).hasMessageContaining("control character");
        assertThatThrownBy(() -> q.trigger("x".repeat(129), T0)).hasMessageContaining("129 characters");
        assertThat(q.refused()).isZero();
    }
}
