package io.loupe.pipelines;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One built pipeline: its {@link StageChain} and what else its type brings — its own {@link ResultSink}s (running
 * statistics), an external {@link PartTrigger}, results that come due with time rather than with a frame (a triggered
 * part whose deadline passed without a frame), and a statistics snapshot. A {@link PipelineWorker} runs it; the
 * appliance reaches its trigger and statistics through {@link PipelineWorker#pipeline()}.
 *
 * <p>Threads: {@link #due}, {@link #nextDue} and {@link #endOfStream} are called on the worker thread only;
 * {@link #trigger()} and {@link #stats()} from any thread.
 */
public interface Pipeline extends AutoCloseable {

    /** A pipeline that is just a chain, with phase windows of its own. */
    static Pipeline of(StageChain chain) {
        return of(chain, new PhaseLatencies());
    }

    /** A pipeline that is just a chain whose stages add to {@code phases} (the {@link PipelineContext}'s). */
    static Pipeline of(StageChain chain, PhaseLatencies phases) {
        return new ChainPipeline(chain, phases);
    }

    /** The stages, run on every frame the worker takes. */
    StageChain chain();

    /**
     * Where the stages add the phases they measure and the worker closes each frame: the
     * {@link PipelineContext#phases()} the pipeline was built with.
     */
    PhaseLatencies phases();

    /** Sinks of the pipeline itself (e.g. running statistics); the worker calls them before any other sink. */
    default List<ResultSink> sinks() {
        return List.of();
    }

    /** The external trigger, for pipelines that judge a part when told it is in view; empty otherwise. */
    default Optional<PartTrigger> trigger() {
        return Optional.empty();
    }

    /** A snapshot of the pipeline's domain statistics (yield, counts, …), taken now; empty for types without any. */
    default Optional<DomainStats> stats() {
        return Optional.empty();
    }

    /**
     * Results that are due at {@code now} without a frame, e.g. {@code late} verdicts of triggered parts that no frame
     * reached in time. The worker asks only while {@link #nextDue} is not null, so a type that has such results
     * overrides both. Never throws for a late or missing frame: that is a result, not an error.
     *
     * @return the due results, oldest first; empty when none
     */
    default List<? extends PipelineResult> due(Instant now) {
        return List.of();
    }

    /** When the next result may come due without a frame, so the worker wakes up in time; null when nothing waits. */
    default Instant nextDue() {
        return null;
    }

    /**
     * The camera ended for good: every result still owed (e.g. parts triggered but never seen) as of {@code now}.
     *
     * @return the owed results, oldest first; empty when none
     */
    default List<? extends PipelineResult> endOfStream(Instant now) {
        return List.of();
    }

    /** Closes the stages and whatever else the pipeline holds (writer threads, scorers). Idempotent. */
    @Override
    default void close() {
        chain().close();
    }
}
