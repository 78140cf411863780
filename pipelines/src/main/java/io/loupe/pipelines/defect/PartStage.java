package io.loupe.pipelines.defect;

import io.loupe.camera.Frame;
import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.Stage;
import io.loupe.pipelines.defect.part.PartTracker;
import io.loupe.pipelines.defect.part.PresenceFinder;
import io.loupe.pipelines.defect.part.TriggerQueue;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;

/**
 * {@code defect/parts@v1}: which parts to judge in this frame. Frame mode: the frame itself (id: its number). Trigger
 * mode: the pending triggers this frame reaches (captured at least {@code trigger.delay} after them). Presence mode:
 * parts found in the ROI and tracked, each judged in the first frame it is fully in view, and reported once if it
 * leaves without ever being so.
 */
public final class PartStage implements Stage<Frame, PartsInView> {
    private final PartMode mode;
    private final InspectionArea area;
    private final TriggerQueue triggers;
    private final PresenceSettings presence;
    private final PresenceFinder finder;
    private final PartTracker tracker;
    private final Mat roiMask = new Mat();
    private int maskWidth = -1;
    private int maskHeight = -1;

    /**
     * @param triggers the trigger queue (trigger mode), else null
     */
    public PartStage(PartMode mode, InspectionArea area, TriggerQueue triggers, PresenceSettings presence) {
        if (mode == PartMode.TRIGGER && triggers == null) {
            throw new IllegalArgumentException("trigger mode needs a trigger queue");
        }
        this.mode = mode;
        this.area = area;
        this.triggers = triggers;
        this.presence = presence;
        this.finder = mode == PartMode.PRESENCE ? new PresenceFinder(presence) : null;
        this.tracker = mode == PartMode.PRESENCE ? new PartTracker(presence) : null;
    }

    @Override
    public String id() {
        return "defect/parts@v1";
    }

    @Override
    public Class<Frame> inputType() {
        return Frame.class;
    }

    @Override
    public Class<PartsInView> outputType() {
        return PartsInView.class;
    }

    @Override
    public PartsInView apply(Frame frame) {
        FrameRef ref = FrameRef.of(frame);
        int w = ref.width();
        int h = ref.height();
        return switch (mode) {
            case FRAME -> new PartsInView(frame, ref,
                    List.of(new PartInView(String.valueOf(frame.seq()), area.bounds(w, h), frame.capturedAt())),
                    List.of());
            case TRIGGER -> {
                List<TriggerQueue.Pending> ready = triggers.takeReady(frame.capturedAt());
                if (ready.isEmpty()) {
                    yield new PartsInView(frame, ref, List.of(), List.of());
                }
                Box bounds = area.bounds(w, h);
                List<PartInView> parts = new ArrayList<>(ready.size());
                for (TriggerQueue.Pending p : ready) {
                    parts.add(new PartInView(p.partId(), bounds, p.at()));
                }
                yield new PartsInView(frame, ref, parts, List.of());
            }
            case PRESENCE -> presence(frame, ref, w, h);
        };
    }

    private PartsInView presence(Frame frame, FrameRef ref, int w, int h) {
        List<Box> blobs = finder.find(frame.mat(), area.bounds(w, h), roiMask(w, h));
        PartTracker.Update update = tracker.update(blobs,
                box -> area.fullyInView(box, presence.edgeMarginPx(), w, h));
        if (update.judgeNow().isEmpty() && update.leftUnjudged().isEmpty()) {
            return new PartsInView(frame, ref, List.of(), List.of());
        }
        List<PartInView> judge = new ArrayList<>(update.judgeNow().size());
        for (PartTracker.Track t : update.judgeNow()) {
            judge.add(new PartInView(t.partId(), t.box(), frame.capturedAt()));
        }
        List<PartInView> left = new ArrayList<>(update.leftUnjudged().size());
        for (PartTracker.Track t : update.leftUnjudged()) {
            left.add(new PartInView(t.partId(), t.box(), frame.capturedAt()));
        }
        return new PartsInView(frame, ref, judge, left);
    }

    /** The ROI alone (ignore regions are for findings, not for finding parts). */
    private Mat roiMask(int w, int h) {
        if (w != maskWidth || h != maskHeight) {
            roiMask.create(h, w, CV_8UC1);
            roiMask.put(Scalar.all(0));
            area.roi(w, h).fill(roiMask, 255);
            maskWidth = w;
            maskHeight = h;
        }
        return roiMask;
    }

    /** Parts the tracker has seen since start (presence mode), else 0. */
    public long partsSeen() {
        return tracker == null ? 0 : tracker.seen();
    }

    @Override
    public void close() {
        if (finder != null) {
            finder.close();
        }
        roiMask.close();
    }
}
