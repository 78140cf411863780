package io.loupe.pipelines;

import io.loupe.camera.Frame;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StageChainTest {

    /** A result with nothing in it. */
    private record Nothing(FrameRef frame, long seq) implements PipelineResult {
        @Override public String schema() { return "test/1"; }
        @Override public PipelineResult sequenced(long s, Instant ts, double latencyMs) { return new Nothing(frame, s); }
    }

    /** A stage from Frame to a type nothing takes, to provoke a mismatch. */
    private static final class FrameToString implements Stage<Frame, String> {
        @Override public String id() { return "test/to-string@v1"; }
        @Override public Class<Frame> inputType() { return Frame.class; }
        @Override public Class<String> outputType() { return String.class; }
        @Override public String apply(Frame input) { return "x"; }
    }

    /** A stage from String to a result. */
    private static final class StringToResult implements Stage<String, Nothing> {
        @Override public String id() { return "test/result@v1"; }
        @Override public Class<String> inputType() { return String.class; }
        @Override public Class<Nothing> outputType() { return Nothing.class; }
        @Override public Nothing apply(String input) { return new Nothing(FrameRef.none("c", Instant.EPOCH), 0); }
    }

    /** A stage from Integer to a result, which no chain from frames can feed. */
    private static final class IntToResult implements Stage<Integer, Nothing> {
        @Override public String id() { return "test/int@v1"; }
        @Override public Class<Integer> inputType() { return Integer.class; }
        @Override public Class<Nothing> outputType() { return Nothing.class; }
        @Override public Nothing apply(Integer input) { return null; }
    }

    /** A last stage giving a batch of results. */
    private static final class StringToBatch implements Stage<String, ResultBatch> {
        @Override public String id() { return "test/batch@v1"; }
        @Override public Class<String> inputType() { return String.class; }
        @Override public Class<ResultBatch> outputType() { return ResultBatch.class; }
        @Override public ResultBatch apply(String input) { return List::of; }
    }

    @Test
    void of_mismatchedStages_failsAtBuildNamingBothStages() {
        List<Stage<?, ?>> stages = List.of(new FrameToString(), new IntToResult());

        assertThatThrownBy(() -> StageChain.of(stages))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test/int@v1 takes Integer")
                .hasMessageContaining("stage test/to-string@v1 gives String");
    }

    @Test
    void of_chainNotEndingInResult_failsAtBuild() {
        assertThatThrownBy(() -> StageChain.of(List.of(new FrameToString())))
                .hasMessageContaining("not a PipelineResult or ResultBatch");
    }

    @Test
    void of_firstStageNotTakingFrames_failsAtBuild() {
        assertThatThrownBy(() -> StageChain.of(List.of(new StringToResult())))
                .hasMessageContaining("the camera gives Frame");
    }

    @Test
    void of_wellTypedChain_listsStageIdsInOrder() {
        StageChain chain = StageChain.of(List.of(new FrameToString(), new StringToResult()));

        assertThat(chain.ids()).containsExactly("test/to-string@v1", "test/result@v1");
    }

    @Test
    void of_chainEndingInBatch_isAccepted() {
        StageChain chain = StageChain.of(List.of(new FrameToString(), new StringToBatch()));

        assertThat(chain.ids()).containsExactly("test/to-string@v1", "test/batch@v1");
    }

    @Test
    void frameRefNone_isNotPresent() {
        FrameRef none = FrameRef.none("cam", Instant.EPOCH);

        assertThat(none.present()).isFalse();
        assertThat(none.capturedAt()).isEqualTo(Instant.EPOCH);
    }
}
