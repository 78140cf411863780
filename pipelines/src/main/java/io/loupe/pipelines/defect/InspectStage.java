package io.loupe.pipelines.defect;

import io.loupe.models.Detection;
import io.loupe.models.Detector;
import io.loupe.models.ModelException;
import io.loupe.models.PhaseTimes;
import io.loupe.pipelines.Phase;
import io.loupe.pipelines.PhaseLatencies;
import io.loupe.pipelines.Stage;
import io.loupe.pipelines.StageException;
import io.loupe.pipelines.defect.anomaly.AnomalyException;
import io.loupe.pipelines.defect.anomaly.AnomalyScore;
import io.loupe.pipelines.defect.anomaly.AnomalyScorer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

/**
 * {@code defect/inspect@v1}: looks at the parts to judge. The detector runs once per frame on the ROI's bounding box
 * (only in frames with a part to judge); each detection goes to the part its centre lies in. The anomaly scorer runs
 * on each part's box; its map is kept inside the ROI and outside the ignore regions, the part's anomaly score is the
 * map's maximum there, and the connected regions at or above the threshold become anomaly findings.
 */
public final class InspectStage implements Stage<PartsInView, Inspections> {
    private final Detector detector;
    private final AnomalyScorer scorer;
    private final double threshold;
    private final InspectionArea area;
    private final PhaseLatencies phases;
    private final List<Mat> heat = new ArrayList<>();
    private final Mat binary = new Mat();
    private final Mat binary8 = new Mat();
    private final MatVector contours = new MatVector();
    private final Mat hierarchy = new Mat();
    private final double[] peak = new double[1];
    private final double[] low = new double[1];

    /**
     * @param detector  the defect detector, or null (anomaly only)
     * @param scorer    the anomaly scorer, or null (detector only)
     * @param threshold the anomaly threshold; NaN to use the scorer's own per image
     * @param phases    where the detector's pre-processing, inference and decoding times are added per frame
     */
    public InspectStage(Detector detector, AnomalyScorer scorer, double threshold, InspectionArea area,
                        PhaseLatencies phases) {
        if (detector == null && scorer == null) {
            throw new IllegalArgumentException("a defect pipeline needs a detector, an anomaly scorer, or both");
        }
        this.detector = detector;
        this.scorer = scorer;
        this.threshold = threshold;
        this.area = area;
        this.phases = phases;
    }

    @Override
    public String id() {
        return "defect/inspect@v1";
    }

    @Override
    public Class<PartsInView> inputType() {
        return PartsInView.class;
    }

    @Override
    public Class<Inspections> outputType() {
        return Inspections.class;
    }

    @Override
    public Inspections apply(PartsInView view) throws StageException {
        if (view.judge().isEmpty()) {
            return new Inspections(view, List.of());
        }
        Mat mat = view.frame().mat();
        int w = mat.cols();
        int h = mat.rows();
        List<Detection> all = detector == null ? List.of() : detect(mat, area.bounds(w, h));
        List<PartInspection> parts = new ArrayList<>(view.judge().size());
        for (int i = 0; i < view.judge().size(); i++) {
            PartInView part = view.judge().get(i);
            List<Detection> mine = new ArrayList<>();
            for (Detection d : all) {
                if (part.box().contains((d.x1() + d.x2()) / 2.0, (d.y1() + d.y2()) / 2.0)) {
                    mine.add(d);
                }
            }
            if (scorer == null) {
                parts.add(new PartInspection(part, mine, null, List.of(), null));
            } else {
                parts.add(anomaly(mat, part, mine, i));
            }
        }
        return new Inspections(view, parts);
    }

    private List<Detection> detect(Mat mat, Box roi) throws StageException {
        if (roi.isEmpty()) {
            return List.of();
        }
        try {
            if (roi.x() == 0 && roi.y() == 0 && roi.width() == mat.cols() && roi.height() == mat.rows()) {
                List<Detection> found = detector.detect(mat);
                addPhases();
                return found;
            }
            List<Detection> found;
            try (Rect r = new Rect(roi.x(), roi.y(), roi.width(), roi.height()); Mat crop = mat.apply(r)) {
                found = detector.detect(crop);
            }
            addPhases();
            List<Detection> moved = new ArrayList<>(found.size());
            for (Detection d : found) {
                moved.add(new Detection(d.classId(), d.label(), d.score(), d.x1() + roi.x(), d.y1() + roi.y(),
                        d.x2() + roi.x(), d.y2() + roi.y()));
            }
            return moved;
        } catch (ModelException e) {
            throw new StageException(id() + ": " + e.getMessage(), e);
        }
    }

    private void addPhases() {
        PhaseTimes t = detector.phases();
        phases.add(Phase.PREPROCESS, t.preprocessNanos());
        phases.add(Phase.INFERENCE, t.inferenceNanos());
        phases.add(Phase.POSTPROCESS, t.decodeNanos());
    }

    private PartInspection anomaly(Mat mat, PartInView part, List<Detection> mine, int index) throws StageException {
        Box box = part.box().intersect(new Box(0, 0, mat.cols(), mat.rows()));
        if (box.isEmpty()) {
            return new PartInspection(part, mine, null, List.of(), null);
        }
        AnomalyScore score;
        try (Rect r = new Rect(box.x(), box.y(), box.width(), box.height()); Mat crop = mat.apply(r)) {
            score = scorer.score(crop);
        } catch (AnomalyException e) {
            throw new StageException(id() + ": " + e.getMessage(), e);
        }
        double thr = Double.isNaN(threshold) ? score.threshold() : threshold;
        if (Double.isNaN(thr)) {
            throw new StageException(id() + ": scorer " + scorer.name() + " has no threshold of its own; teach one"
                    + " (loupe teach) or set anomaly.threshold");
        }
        if (score.heatMap() == null || score.heatMap().empty()) {
            AnomalyOutcome outcome = new AnomalyOutcome(scorer.name(), score.score(), thr);
            List<PartInspection.AnomalyRegion> regions = outcome.anomalous()
                    ? List.of(new PartInspection.AnomalyRegion(box, score.score())) : List.of();
            return new PartInspection(part, mine, outcome, regions, null);
        }
        while (heat.size() <= index) {
            heat.add(new Mat());
        }
        Mat map = heat.get(index);
        map.create(box.height(), box.width(), score.heatMap().type());
        map.put(Scalar.all(0));
        try (Rect r = new Rect(box.x(), box.y(), box.width(), box.height());
             Mat mask = area.mask(mat.cols(), mat.rows()).apply(r)) {
            if (score.heatMap().cols() == box.width() && score.heatMap().rows() == box.height()) {
                score.heatMap().copyTo(map, mask);
            } else {
                try (Mat sized = new Mat(); Size s = new Size(box.width(), box.height())) {
                    resize(score.heatMap(), sized, s);
                    sized.copyTo(map, mask);
                }
            }
        }
        minMaxLoc(map, low, peak, null, null, null);
        AnomalyOutcome outcome = new AnomalyOutcome(scorer.name(), peak[0], thr);
        List<PartInspection.AnomalyRegion> regions = outcome.anomalous() ? regions(map, box, thr) : List.of();
        return new PartInspection(part, mine, outcome, regions, map);
    }

    /** Connected regions of {@code map} at or above {@code thr}, in frame pixels, with their peaks. */
    private List<PartInspection.AnomalyRegion> regions(Mat map, Box box, double thr) {
        threshold(map, binary, Math.nextDown(thr), 255, THRESH_BINARY);
        binary.convertTo(binary8, CV_8U);
        findContours(binary8, contours, hierarchy, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
        List<PartInspection.AnomalyRegion> out = new ArrayList<>((int) contours.size());
        for (long i = 0; i < contours.size(); i++) {
            try (Rect b = boundingRect(contours.get(i)); Mat inRegion = map.apply(b)) {
                minMaxLoc(inRegion, low, peak, null, null, null);
                out.add(new PartInspection.AnomalyRegion(
                        new Box(b.x() + box.x(), b.y() + box.y(), b.width(), b.height()), peak[0]));
            }
        }
        out.sort((a, b) -> Double.compare(b.peak(), a.peak()));
        return out;
    }

    @Override
    public void close() {
        if (detector != null) {
            detector.close();
        }
        if (scorer != null) {
            scorer.close();
        }
        heat.forEach(Mat::close);
        binary.close();
        binary8.close();
        contours.close();
        hierarchy.close();
    }
}
