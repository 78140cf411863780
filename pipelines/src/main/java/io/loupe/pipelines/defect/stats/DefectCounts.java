package io.loupe.pipelines.defect.stats;

import java.time.Instant;
import java.util.List;

/**
 * Counts over one period (a shift, or since start).
 *
 * @param from     start of the period
 * @param label    the shift's label, or {@code since start}
 * @param parts    parts with a result ({@code ok + ng + unknown})
 * @param ok       parts judged OK
 * @param ng       parts judged NG
 * @param unknown  parts not judged (no frame in time, or left unjudged)
 * @param late     results past their deadline (any verdict)
 * @param rejected results that asked for rejection
 * @param defects  counted defects over all parts (the Pareto's sum)
 * @param yield    {@code ok / parts}, or null before the first part
 * @param pareto   counted defects by class, most frequent first
 */
public record DefectCounts(Instant from, String label, long parts, long ok, long ng, long unknown, long late,
                          long rejected, long defects, Double yield, List<ParetoEntry> pareto) {

    public DefectCounts {
        pareto = List.copyOf(pareto);
    }
}
