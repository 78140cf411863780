package io.loupe.pipelines.gait;

/**
 * {@code settings.calibration}: optional, for lengths in metres. Without it, lengths are in body heights (H).
 *
 * @param metresPerPixel side view: metres per pixel at the walkway's distance; 0 when not calibrated. Step length in
 *                       metres is then measured in the picture, not through the pose model's body proportions
 * @param subjectHeightM the walker's height in metres: lengths in H times this; in a side view with
 *                       {@code metresPerPixel}, the body height that step length in H is measured against. 0 when not
 *                       known
 * @param focalLengthPx  the camera's focal length in pixels (frontal view step length from the change of apparent
 *                       size); 0 when not known
 */
public record CalibrationSettings(double metresPerPixel, double subjectHeightM, double focalLengthPx) {

    public CalibrationSettings {
        if (!(metresPerPixel >= 0 && metresPerPixel < 1)) {
            throw new IllegalArgumentException("calibration.metresPerPixel must be 0 (not calibrated) or a small"
                    + " positive number such as 0.004, got " + metresPerPixel);
        }
        if (subjectHeightM != 0 && !(subjectHeightM >= 0.5 && subjectHeightM <= 2.5)) {
            throw new IllegalArgumentException("calibration.subjectHeightM must be 0 (not known) or 0.5..2.5 metres,"
                    + " got " + subjectHeightM);
        }
        if (!(focalLengthPx >= 0 && focalLengthPx < 100_000)) {
            throw new IllegalArgumentException("calibration.focalLengthPx must be 0 (not known) or the focal length"
                    + " in pixels (e.g. 600), got " + focalLengthPx);
        }
    }

    public static CalibrationSettings defaults() {
        return new CalibrationSettings(0, 0, 0);
    }
}
