package io.loupe.appliance.publish;

import io.loupe.models.Detection;

/**
 * One box, in pixels and normalised to the frame (0..1), so a consumer needs neither the frame size nor the model.
 *
 * @param label    class label
 * @param classId  class index in the model
 * @param score    confidence 0..1
 * @param box      x1, y1, x2, y2 in frame pixels
 * @param boxNorm  x1, y1, x2, y2 divided by the frame width and height
 */
public record DetectionPayload(String label, int classId, double score, double[] box, double[] boxNorm) {

    public static DetectionPayload of(Detection d, int width, int height) {
        return new DetectionPayload(d.label(), d.classId(), round(d.score(), 4),
                new double[]{round(d.x1(), 1), round(d.y1(), 1), round(d.x2(), 1), round(d.y2(), 1)},
                new double[]{round(d.x1() / width, 5), round(d.y1() / height, 5), round(d.x2() / width, 5),
                        round(d.y2() / height, 5)});
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
