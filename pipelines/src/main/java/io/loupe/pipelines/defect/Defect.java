package io.loupe.pipelines.defect;

import io.loupe.models.Detection;

/**
 * One counted defect of a part, in frame pixels. Field names follow {@link Detection} (so a consumer that drew
 * detections draws defects the same way) plus the sizes the rules judged.
 *
 * @param classId the detector's class id; -1 for an anomaly region
 * @param label   the class label; {@code anomaly} for an anomaly region
 * @param score   the detector's score 0..1; for an anomaly region the highest anomaly-map value in it (the scorer's
 *                own scale, comparable to {@link AnomalyOutcome#threshold()})
 * @param x1      left
 * @param y1      top
 * @param x2      right
 * @param y2      bottom
 * @param sizePx  size: the longer side of the box, in pixels
 * @param sizeMm  size in millimetres, or null when the camera is not calibrated
 * @param areaPx  box area in pixels
 * @param source  detector or anomaly path
 */
public record Defect(int classId, String label, float score, float x1, float y1, float x2, float y2, double sizePx,
                     Double sizeMm, double areaPx, DefectSource source) {

    /** The label used for anomaly regions. */
    public static final String ANOMALY_LABEL = "anomaly";

    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }

    /** As a detection, for drawing. */
    public Detection toDetection() {
        return new Detection(classId, label, score, x1, y1, x2, y2);
    }

    /** A detector finding with its sizes; {@code mmPerPixel} 0 when not calibrated. */
    static Defect of(Detection d, double mmPerPixel) {
        double size = Math.max(d.width(), d.height());
        return new Defect(d.classId(), d.label(), d.score(), d.x1(), d.y1(), d.x2(), d.y2(), size,
                mmPerPixel > 0 ? size * mmPerPixel : null, (double) d.width() * d.height(), DefectSource.DETECTOR);
    }

    /** An anomaly region with its sizes. */
    static Defect anomaly(Box box, double peak, double mmPerPixel) {
        double size = Math.max(box.width(), box.height());
        return new Defect(-1, ANOMALY_LABEL, (float) peak, box.x(), box.y(), box.right(), box.bottom(), size,
                mmPerPixel > 0 ? size * mmPerPixel : null, (double) box.area(), DefectSource.ANOMALY);
    }
}
