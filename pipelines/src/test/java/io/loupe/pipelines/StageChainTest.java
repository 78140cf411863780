package io.loupe.pipelines;

import io.loupe.camera.Frame;
import io.loupe.models.Detection;
import io.loupe.pipelines.defect.DefectRules;
import io.loupe.pipelines.defect.Inspection;
import io.loupe.pipelines.defect.VerdictStage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StageChainTest {
    private static final ModelRef MODEL = new ModelRef("m", "m", "1", "00", "CPU");

    /** A stage from Frame to a type nothing takes, to provoke a mismatch. */
    private static final class FrameToString implements Stage<Frame, String> {
        @Override public String id() { return "test/to-string@v1"; }
        @Override public Class<Frame> inputType() { return Frame.class; }
        @Override public Class<String> outputType() { return String.class; }
        @Override public String apply(Frame input) { return "x"; }
    }

    /** A stage from Frame to an Inspection with no detections. */
    private static final class EmptyInspection implements Stage<Frame, Inspection> {
        @Override public String id() { return "test/empty@v1"; }
        @Override public Class<Frame> inputType() { return Frame.class; }
        @Override public Class<Inspection> outputType() { return Inspection.class; }
        @Override public Inspection apply(Frame input) { return new Inspection(null, List.<Detection>of()); }
    }

    @Test
    void of_mismatchedStages_failsAtBuildNamingBothStages() {
        List<Stage<?, ?>> stages = List.of(new FrameToString(), new VerdictStage(DefectRules.defaults(), MODEL));

        assertThatThrownBy(() -> StageChain.of(stages))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defect/verdict@v1 takes Inspection")
                .hasMessageContaining("stage test/to-string@v1 gives String");
    }

    @Test
    void of_chainNotEndingInResult_failsAtBuild() {
        assertThatThrownBy(() -> StageChain.of(List.of(new EmptyInspection())))
                .hasMessageContaining("not a PipelineResult");
    }

    @Test
    void of_firstStageNotTakingFrames_failsAtBuild() {
        assertThatThrownBy(() -> StageChain.of(List.of(new VerdictStage(DefectRules.defaults(), MODEL))))
                .hasMessageContaining("the camera gives Frame");
    }

    @Test
    void of_wellTypedChain_listsStageIdsInOrder() {
        StageChain chain = StageChain.of(List.of(new EmptyInspection(), new VerdictStage(DefectRules.defaults(), MODEL)));

        assertThat(chain.ids()).containsExactly("test/empty@v1", "defect/verdict@v1");
    }
}
