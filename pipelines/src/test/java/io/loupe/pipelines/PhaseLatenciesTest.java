package io.loupe.pipelines;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PhaseLatenciesTest {

    private static PhaseLatency of(List<PhaseLatency> all, Phase phase) {
        return all.stream().filter(p -> p.phase() == phase).findFirst().orElseThrow();
    }

    @Test
    void endFrame_twoModelCallsInOneFrame_countAsOneFrameAndRulesGetTheRest() {
        PhaseLatencies phases = new PhaseLatencies();

        phases.beginFrame();
        phases.add(Phase.PREPROCESS, 1_000_000);
        phases.add(Phase.INFERENCE, 4_000_000);
        phases.add(Phase.POSTPROCESS, 500_000);
        phases.add(Phase.INFERENCE, 4_000_000);
        phases.endFrame(12_000_000, 2_000_000);

        List<PhaseLatency> all = phases.snapshot();
        assertThat(of(all, Phase.INFERENCE).count()).isEqualTo(1);
        assertThat(of(all, Phase.INFERENCE).p50Ms()).isCloseTo(8.0, within(1e-9));
        assertThat(of(all, Phase.CAPTURE).p50Ms()).isCloseTo(2.0, within(1e-9));
        assertThat(of(all, Phase.RULES).p50Ms()).isCloseTo(12.0 - 1.0 - 8.0 - 0.5, within(1e-9));
        assertThat(of(all, Phase.PUBLISH).count()).isZero();
        assertThat(of(all, Phase.PUBLISH).p50Ms()).isNaN();
    }

    @Test
    void beginFrame_forgetsThePreviousFrame_soAFrameWithoutTheModelRecordsNoModelPhases() {
        PhaseLatencies phases = new PhaseLatencies();
        phases.beginFrame();
        phases.add(Phase.INFERENCE, 4_000_000);
        phases.endFrame(5_000_000, 0);

        phases.beginFrame();
        phases.endFrame(300_000, 0);

        List<PhaseLatency> all = phases.snapshot();
        assertThat(of(all, Phase.INFERENCE).count()).isEqualTo(1);
        assertThat(of(all, Phase.RULES).count()).isEqualTo(2);
        assertThat(of(all, Phase.CAPTURE).count()).isZero();
    }
}
