package io.loupe.pipelines;

/** A {@link Pipeline} that is just its chain and its phase windows. */
record ChainPipeline(StageChain chain, PhaseLatencies phases) implements Pipeline {
}
