package io.loupe.appliance.evaluate;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** The set's shares of gait parameters within their tolerance, from the per-walk reports. */
class GaitSummariesTest {

    @Test
    void walkWithATrueCadenceButNoReportedBout_countsAsAMiss_notLeftOut() {
        // given a walk measured within 2 %, one measured 8 % off, and one the pipeline reported no bout for
        List<GaitWalkReport> walks = List.of(walk(1, 100.0, 102.0), walk(2, 100.0, 108.0),
                new GaitWalkReport(3, "003.mp4", "frontal", 200, 200, 0, 0, 0, 2, null, 0, 0, 0, 95.0, 0.3,
                        List.of()));

        // when
        GaitParameterSummary s = GaitSummaries.parameters(walks);

        // then the walk without a bout is one of the true cadences and step lengths to measure, and a miss
        assertThat(s.cadenceWithin5()).isEqualTo(new WithinShare(1, 3));
        assertThat(s.stepLengthWithin10()).isEqualTo(new WithinShare(2, 3));
        assertThat(s.cadenceMeasured()).isEqualTo(2);
        assertThat(s.cadenceWithin5().share()).isCloseTo(1 / 3.0, offset(1e-9));
    }

    private static GaitWalkReport walk(int n, double trueCadence, double cadence) {
        ParameterError none = new ParameterError(null, null, null);
        GaitBoutError bout = new GaitBoutError(1, 0, 8, "end_of_stream", "side",
                new ParameterError(cadence, trueCadence, Math.abs(cadence / trueCadence - 1)),
                new ParameterError(0.41, 0.40, 0.025), none, none, none, 0, 0, 0.8, List.of());
        return new GaitWalkReport(n, "00" + n + ".mp4", "side", 200, 0, 0, 0.9, 0.8, 0, 0, 0, 0, 0, trueCadence,
                0.40, List.of(bout));
    }
}
