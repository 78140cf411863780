package io.loupe.appliance.evaluate;

/**
 * What {@link GaitEvaluation} tells the gait pipeline about each walk's camera and walker, from the walk's truth, as a
 * clinic would set {@code settings.calibration} once it has measured them.
 */
public enum WalkCalibration {
    /**
     * The camera's focal length ({@code calibration.focalLengthPx}), where the settings give none: frontal step length
     * needs it. Side-view lengths are measured in body heights through the pose's proportions.
     */
    CAMERA,
    /**
     * As {@link #CAMERA}, and the walker's height ({@code calibration.subjectHeightM}) and, in a side view, the
     * walkway's metres per pixel ({@code calibration.metresPerPixel}): side-view step length is measured in the
     * picture, in metres, and in body heights against the walker's height ({@code evaluate --calibrated}).
     */
    CLINIC
}
