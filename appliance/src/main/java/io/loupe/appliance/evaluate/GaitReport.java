package io.loupe.appliance.evaluate;

import java.util.List;

/**
 * What {@code loupe evaluate --pipeline gait} measured on a walk set.
 *
 * @param data       the set's folder
 * @param model      the pose model file
 * @param poseSource how the pipeline found keypoints (e.g. MediaPipe top-down with its person detector)
 * @param calibration where the calibration came from: the focal length for frontal step length, and with
 *                    {@code --calibrated} the walker's height and the side views' walkway scale
 * @param pose       per-frame pose accuracy (PCK) of the walker's skeleton the pipeline used
 * @param parameters gait parameters per bout against the truth
 * @param scores     gait-score agreement per walk
 * @param walks      per walk: pose, bouts, score, freezing
 * @param disclaimer research use only: the scores are estimates, not clinical ratings
 */
public record GaitReport(String data, String model, String poseSource, String calibration, PoseAccuracy pose,
                         GaitParameterSummary parameters, ScoreAgreement scores, List<GaitWalkReport> walks,
                         String disclaimer) {

    public GaitReport {
        walks = List.copyOf(walks);
    }
}
