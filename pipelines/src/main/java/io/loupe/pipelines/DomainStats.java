package io.loupe.pipelines;

/**
 * A snapshot of one pipeline type's own statistics (a defect line's yield and Pareto, later a trap's counts), published
 * retained on {@code …/<pipeline>/stats}. Implementations are immutable records.
 */
public interface DomainStats {

    /** Payload schema with version, e.g. {@code loupe.defect.stats/1}. */
    String schema();
}
