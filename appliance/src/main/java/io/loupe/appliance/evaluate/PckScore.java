package io.loupe.appliance.evaluate;

/**
 * Percentage of correct keypoints of a group (all, one view, one joint): a labelled keypoint (v &gt; 0) is correct
 * when the pipeline's keypoint lies within α × the longer side of the true person box; a keypoint the pipeline did not
 * give (no walker in that frame, or scored below {@code pose.minKeypointScore}) is wrong.
 *
 * @param name      {@code all}, the view ({@code side}, {@code frontal}) or the COCO joint name
 * @param keypoints labelled keypoints in the group
 * @param correct10 of those, correct at α = 0.1
 * @param correct05 correct at α = 0.05
 * @param pck10     correct10 / keypoints (NaN without keypoints)
 * @param pck05     correct05 / keypoints
 */
public record PckScore(String name, int keypoints, int correct10, int correct05, double pck10, double pck05) {

    static PckScore of(String name, int keypoints, int correct10, int correct05) {
        return new PckScore(name, keypoints, correct10, correct05,
                keypoints == 0 ? Double.NaN : correct10 / (double) keypoints,
                keypoints == 0 ? Double.NaN : correct05 / (double) keypoints);
    }
}
