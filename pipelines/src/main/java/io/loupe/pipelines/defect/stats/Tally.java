package io.loupe.pipelines.defect.stats;

import io.loupe.pipelines.defect.Defect;
import io.loupe.pipelines.defect.DefectResult;
import io.loupe.pipelines.defect.Timing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Mutable counts over one period. Guarded by {@link DefectStats}. */
final class Tally {
    private final Instant from;
    private final String label;
    private long ok;
    private long ng;
    private long unknown;
    private long late;
    private long rejected;
    private long defects;
    private final Map<String, Long> byClass = new HashMap<>();

    Tally(Instant from, String label) {
        this.from = from;
        this.label = label;
    }

    void add(DefectResult r) {
        switch (r.verdict()) {
            case OK -> ok++;
            case NG -> ng++;
            case UNKNOWN -> unknown++;
        }
        if (r.timing() == Timing.LATE) {
            late++;
        }
        if (r.reject()) {
            rejected++;
        }
        for (Defect d : r.defects()) {
            byClass.merge(d.label(), 1L, Long::sum);
            defects++;
        }
    }

    DefectCounts counts() {
        long parts = ok + ng + unknown;
        List<ParetoEntry> pareto = new ArrayList<>();
        byClass.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> pareto.add(new ParetoEntry(e.getKey(), e.getValue(),
                        defects == 0 ? 0 : (double) e.getValue() / defects)));
        return new DefectCounts(from, label, parts, ok, ng, unknown, late, rejected, defects,
                parts == 0 ? null : (double) ok / parts, pareto);
    }
}
