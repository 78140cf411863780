package io.loupe.pipelines.gait.analysis;

import java.util.List;

/**
 * Everything the analysis found in one bout.
 *
 * @param view          the view used (configured or decided from the keypoints)
 * @param viewDecided   true when the view was decided from the keypoints
 * @param bodyHeightPx  median estimated body height in pixels
 * @param durationS     the bout's duration
 * @param heelStrikes   heel strikes in time order
 * @param parameters    the gait parameters
 * @param lowerBody     share of samples with both hips, knees and ankles
 * @param upperBody     share of samples with both shoulders and elbows
 */
public record BoutAnalysis(View view, boolean viewDecided, double bodyHeightPx, double durationS,
                           List<HeelStrike> heelStrikes, GaitParameters parameters, double lowerBody,
                           double upperBody) {

    public BoutAnalysis {
        heelStrikes = List.copyOf(heelStrikes);
    }
}
