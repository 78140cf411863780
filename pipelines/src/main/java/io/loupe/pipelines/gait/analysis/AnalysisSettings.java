package io.loupe.pipelines.gait.analysis;

/**
 * What the analysis needs to know beyond the keypoints.
 *
 * @param view              the camera's view, or null to decide from the keypoints (hip and shoulder width)
 * @param smoothingS        width of the centred moving average applied to every keypoint track, seconds (0: none)
 * @param maxGapS           gaps in a keypoint track up to this long are filled by linear interpolation; longer ones
 *                          stay gaps
 * @param stillBh           a foot is still when it moves less than this (in body heights) within half a second
 * @param minFreezeS        the shortest freezing episode, seconds
 * @param shufflingLiftBh   foot lift below this (body heights) is shuffling
 * @param metresPerPixel    side-view calibration at the walkway's distance, 0 when not calibrated
 * @param subjectHeightM    the walker's height in metres, 0 when not known
 * @param focalLengthPx     the camera's focal length in pixels, for step length in a frontal view; 0 when not known
 */
public record AnalysisSettings(View view, double smoothingS, double maxGapS, double stillBh, double minFreezeS,
                               double shufflingLiftBh, double metresPerPixel, double subjectHeightM,
                               double focalLengthPx) {

    /** Automatic view, 0.12 s smoothing, 0.4 s gaps, still below 0.025 H, freezes from 1 s, shuffling below 0.03 H. */
    public static AnalysisSettings defaults() {
        return new AnalysisSettings(null, 0.12, 0.4, 0.025, 1.0, 0.03, 0, 0, 0);
    }

    /** These settings with another view (null: automatic). */
    public AnalysisSettings withView(View newView) {
        return new AnalysisSettings(newView, smoothingS, maxGapS, stillBh, minFreezeS, shufflingLiftBh,
                metresPerPixel, subjectHeightM, focalLengthPx);
    }

    /** These settings with a focal length (frontal step length). */
    public AnalysisSettings withFocalLengthPx(double focal) {
        return new AnalysisSettings(view, smoothingS, maxGapS, stillBh, minFreezeS, shufflingLiftBh, metresPerPixel,
                subjectHeightM, focal);
    }

    /** These settings with a side view's metres per pixel at the walkway. */
    public AnalysisSettings withMetresPerPixel(double metres) {
        return new AnalysisSettings(view, smoothingS, maxGapS, stillBh, minFreezeS, shufflingLiftBh, metres,
                subjectHeightM, focalLengthPx);
    }

    /** These settings with the subject's height. */
    public AnalysisSettings withSubjectHeightM(double height) {
        return new AnalysisSettings(view, smoothingS, maxGapS, stillBh, minFreezeS, shufflingLiftBh, metresPerPixel,
                height, focalLengthPx);
    }
}
