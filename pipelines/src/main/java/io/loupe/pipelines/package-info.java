/**
 * The stage engine: a {@link io.loupe.pipelines.Pipeline} is a type-checked {@link io.loupe.pipelines.StageChain} of
 * {@link io.loupe.pipelines.Stage}s from a camera {@link io.loupe.camera.Frame} to {@link
 * io.loupe.pipelines.PipelineResult}s (one per frame, or a {@link io.loupe.pipelines.ResultBatch} of none or several),
 * plus what its type brings: its own sinks, a {@link io.loupe.pipelines.PartTrigger}, results that come due without a
 * frame, and {@link io.loupe.pipelines.DomainStats}. One {@link io.loupe.pipelines.PipelineWorker} thread per pipeline
 * takes frames from its camera mailbox and hands results to {@link io.loupe.pipelines.ResultSink}s. Domain pipelines
 * live in sub-packages and are built by a {@link io.loupe.pipelines.PipelineFactory} registered in the
 * {@link io.loupe.pipelines.PipelineRegistry}.
 */
package io.loupe.pipelines;
