/**
 * The stage engine: a {@link io.loupe.pipelines.Pipeline} is a type-checked chain of {@link io.loupe.pipelines.Stage}s
 * from a camera {@link io.loupe.camera.Frame} to a {@link io.loupe.pipelines.PipelineResult}, run by one
 * {@link io.loupe.pipelines.PipelineWorker} thread that takes frames from its camera mailbox and hands results to
 * {@link io.loupe.pipelines.ResultSink}s. Domain pipelines live in sub-packages and are built by a
 * {@link io.loupe.pipelines.PipelineFactory} registered in the {@link io.loupe.pipelines.PipelineRegistry}.
 */
package io.loupe.pipelines;
