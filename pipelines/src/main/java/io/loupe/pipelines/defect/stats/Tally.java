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
    /** Defects per class, each count in a one-element array so that counting boxes nothing. */
    private final Map<String, long[]> byClass = new HashMap<>();

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
        List<Defect> found = r.defects();
        for (int i = 0; i < found.size(); i++) {
            byClass.computeIfAbsent(found.get(i).label(), label -> new long[1])[0]++;
            defects++;
        }
    }

    DefectCounts counts() {
        long parts = ok + ng + unknown;
        List<ParetoEntry> pareto = new ArrayList<>();
        byClass.forEach((label, count) -> pareto.add(new ParetoEntry(label, count[0],
                defects == 0 ? 0 : (double) count[0] / defects)));
        pareto.sort(Comparator.comparingLong(ParetoEntry::count).reversed().thenComparing(ParetoEntry::label));
        return new DefectCounts(from, label, parts, ok, ng, unknown, late, rejected, defects,
                parts == 0 ? null : (double) ok / parts, pareto);
    }
}
