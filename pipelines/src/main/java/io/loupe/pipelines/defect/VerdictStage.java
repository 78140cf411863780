package io.loupe.pipelines.defect;

import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.Stage;
import io.loupe.pipelines.defect.ngimage.NgImageStore;
import io.loupe.pipelines.defect.ngimage.NgOverlay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code defect/verdict@v1}: judges each inspected part by the rules ({@link DefectJudge}), queues the NG image, and
 * makes one {@link DefectResult} per part — also for parts that left the view unjudged (UNKNOWN). Late results of
 * triggers that no frame reached are made here too ({@link #unknown}), so every result has the same shape.
 */
public final class VerdictStage implements Stage<Inspections, PartResults> {
    private final String pipeline;
    private final DefectJudge judge;
    private final ModelRef model;
    private final PartMode mode;
    private final Duration deadline;
    private final RejectPolicy reject;
    private final InspectionArea area;
    private final NgImageStore store;
    private final LiveHeat heat = new LiveHeat();

    /**
     * @param store where NG images go, or null for none; closed with this stage
     */
    public VerdictStage(String pipeline, DefectJudge judge, ModelRef model, DefectSettings settings,
                        InspectionArea area, NgImageStore store) {
        this.pipeline = pipeline;
        this.judge = judge;
        this.model = model;
        this.mode = settings.mode();
        this.deadline = settings.deadline();
        this.reject = settings.reject();
        this.area = area;
        this.store = store;
    }

    @Override
    public String id() {
        return "defect/verdict@v1";
    }

    @Override
    public Class<Inspections> inputType() {
        return Inspections.class;
    }

    @Override
    public Class<PartResults> outputType() {
        return PartResults.class;
    }

    @Override
    public PartResults apply(Inspections inspections) {
        PartsInView view = inspections.view();
        if (view.isEmpty()) {
            return PartResults.none();
        }
        List<DefectResult> results = new ArrayList<>(view.judge().size() + view.unjudged().size());
        List<PartInspection> parts = inspections.parts();
        for (int i = 0; i < parts.size(); i++) { // indexed loops: no iterator per frame
            PartInspection p = parts.get(i);
            DefectJudge.Judgement j = judge.judge(p);
            if (p.heatMap() != null && p.anomaly() != null) {
                heat.offer(view.ref(), p.heatMap(), heatBox(view.ref(), p), 2 * p.anomaly().threshold());
            }
            String ngImage = null;
            if (j.verdict() == Verdict.NG && store != null) {
                ngImage = saveImage(view, p, j);
            }
            results.add(new DefectResult(view.ref(), 0, null, 0, model, p.part().partId(), mode, p.part().box(),
                    j.verdict(), j.reasons(), j.counted(), j.ignored(), p.anomaly(), p.part().since(), deadline,
                    Timing.ON_TIME, reject.rejects(j.verdict()), ngImage));
        }
        List<PartInView> unjudged = view.unjudged();
        for (int i = 0; i < unjudged.size(); i++) {
            results.add(unknown(view.ref(), unjudged.get(i), "left the ROI before it was ever fully in view"));
        }
        return new PartResults(results);
    }

    private String saveImage(PartsInView view, PartInspection p, DefectJudge.Judgement j) {
        FrameRef ref = view.ref();
        String banner = String.format(Locale.ROOT, "%s  NG  part %s  frame %d  %s", pipeline, p.part().partId(),
                ref.seq(), ref.capturedAt());
        NgOverlay overlay = new NgOverlay(banner, area.roi(ref.width(), ref.height()), area.ignore(), p.part().box(),
                j.counted());
        double scale = p.anomaly() == null ? 0 : 2 * p.anomaly().threshold();
        return store.submit(p.part().partId(), ref.capturedAt(), view.frame().mat(), overlay, p.heatMap(),
                heatBox(ref, p), scale);
    }

    /** Where a part's anomaly map lies: its box clipped to the frame. */
    private static Box heatBox(FrameRef ref, PartInspection p) {
        return p.part().box().intersect(new Box(0, 0, ref.width(), ref.height()));
    }

    /** The last judged part's anomaly map, for the live view. */
    public LiveHeat heat() {
        return heat;
    }

    /**
     * An UNKNOWN result for a part that could not be judged.
     *
     * @param frame the frame it was last seen in, or {@link FrameRef#none} when no frame reached it (then it is late)
     * @param part  the part; its box may be null
     */
    public DefectResult unknown(FrameRef frame, PartInView part, String reason) {
        return new DefectResult(frame, 0, null, 0, model, part.partId(), mode, part.box(), Verdict.UNKNOWN,
                List.of(reason), List.of(), 0, null, part.since(), deadline, Timing.ON_TIME,
                reject.rejects(Verdict.UNKNOWN), null);
    }

    /** NG images of this pipeline, or null when off. */
    public NgImageStore store() {
        return store;
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
        heat.close();
    }
}
