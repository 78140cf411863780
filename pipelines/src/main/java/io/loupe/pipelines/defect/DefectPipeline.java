package io.loupe.pipelines.defect;

import io.loupe.pipelines.DomainStats;
import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.PartTrigger;
import io.loupe.pipelines.PhaseLatencies;
import io.loupe.pipelines.Pipeline;
import io.loupe.pipelines.ResultSink;
import io.loupe.pipelines.StageChain;
import io.loupe.pipelines.defect.ngimage.NgImageStore;
import io.loupe.pipelines.defect.part.TriggerQueue;
import io.loupe.pipelines.defect.stats.DefectStats;
import io.loupe.pipelines.defect.stats.DefectStatsSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A built defect pipeline: {@code defect/parts@v1 → defect/inspect@v1 → defect/verdict@v1}, its statistics (its own
 * sink), its trigger queue in trigger mode, and its NG image store when configured. Made by
 * {@link DefectPipelineFactory#create}.
 *
 * <p>In trigger mode every accepted trigger gives exactly one result: the part's verdict from the first frame that
 * reaches it, or — at {@code trigger time + deadline} with no such frame — an UNKNOWN result marked LATE ({@link #due});
 * when the camera ends, the triggers still pending get the same ({@link #endOfStream}).
 */
public final class DefectPipeline implements Pipeline {
    private final String id;
    private final String camera;
    private final DefectSettings settings;
    private final StageChain chain;
    private final PartStage parts;
    private final VerdictStage verdicts;
    private final InspectionArea area;
    private final TriggerQueue triggers;
    private final DefectStats stats;
    private final PhaseLatencies phases;
    private boolean closed;

    DefectPipeline(String id, String camera, DefectSettings settings, PartStage parts, InspectStage inspect,
                   VerdictStage verdicts, InspectionArea area, TriggerQueue triggers, DefectStats stats,
                   PhaseLatencies phases) {
        this.id = id;
        this.camera = camera;
        this.settings = settings;
        this.parts = parts;
        this.verdicts = verdicts;
        this.area = area;
        this.triggers = triggers;
        this.stats = stats;
        this.phases = phases;
        this.chain = StageChain.of(List.of(parts, inspect, verdicts));
    }

    public String id() {
        return id;
    }

    /** The ROI and ignore regions, for drawing; open as long as the pipeline. */
    public InspectionArea area() {
        return area;
    }

    @Override
    public PhaseLatencies phases() {
        return phases;
    }

    public DefectSettings settings() {
        return settings;
    }

    @Override
    public StageChain chain() {
        return chain;
    }

    @Override
    public List<ResultSink> sinks() {
        return List.of(stats);
    }

    @Override
    public Optional<PartTrigger> trigger() {
        return Optional.ofNullable(triggers);
    }

    @Override
    public Optional<DomainStats> stats() {
        return Optional.of(stats.snapshot());
    }

    /** The statistics as their own type. */
    public DefectStatsSnapshot defectStats() {
        return stats.snapshot();
    }

    /** The anomaly map of the last judged part, for the live view (nothing when the pipeline has no anomaly path). */
    public LiveHeat liveHeat() {
        return verdicts.heat();
    }

    /** The NG image store, for the web page's links; empty when NG images are off. */
    public Optional<NgImageStore> ngImages() {
        return Optional.ofNullable(verdicts.store());
    }

    /** Parts the presence tracker has seen since start (presence mode), else 0. */
    public long partsSeen() {
        return parts.partsSeen();
    }

    @Override
    public List<DefectResult> due(Instant now) {
        if (triggers == null) {
            return List.of();
        }
        List<TriggerQueue.Pending> expired = triggers.takeExpired(now);
        if (expired.isEmpty()) {
            return List.of();
        }
        return late(expired, String.format(Locale.ROOT, "no frame within the deadline of %d ms after the trigger",
                settings.deadline().toMillis()));
    }

    @Override
    public Instant nextDue() {
        return triggers == null ? null : triggers.nextDeadline();
    }

    @Override
    public List<DefectResult> endOfStream(Instant now) {
        if (triggers == null) {
            return List.of();
        }
        return late(triggers.takeAll(), "the camera ended before a frame reached the part");
    }

    private List<DefectResult> late(List<TriggerQueue.Pending> pending, String reason) {
        List<DefectResult> out = new ArrayList<>(pending.size());
        for (TriggerQueue.Pending p : pending) {
            out.add(verdicts.unknown(FrameRef.none(camera, p.at()), new PartInView(p.partId(), null, p.at()), reason));
        }
        return out;
    }

    /** Refuses further triggers, closes the stages (detector, scorer, NG image writer) and the masks. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (triggers != null) {
            triggers.close();
        }
        chain.close();
        area.close();
    }
}
