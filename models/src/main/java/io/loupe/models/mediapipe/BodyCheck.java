package io.loupe.models.mediapipe;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a BlazePose estimate shows a whole body. The landmark model always returns 33 landmarks, and on a
 * legs-only crop it invents a torso and head, with a pose flag and presence probabilities that can exceed 0.9 (the
 * full model on the treadmill clip), inside the frame; so neither the flag nor the presence alone can tell. What gives
 * an invented part away is the model's own heatmap: where the picture shows a head, shoulders and hips, their heatmap
 * logits peak above 0 at the landmarks (about +1 to +3 on the sagittal walking clip); where the model only guessed
 * them, they stay below (about -3 to 0 on the legs-only treadmill crops). The body is whole when each required part
 * (head: nose or an ear; both shoulders, hips, knees and ankles) has presence of at least {@code minPresence} and lies
 * inside the frame, give or take {@code frameMargin} of its size, and the upper body's evidence (the mean of the head's
 * best, the shoulders' and the hips' heatmap peaks) is at least {@code minUpperBodyEvidence}.
 *
 * @param minPoseFlag below this the estimate is {@link PoseVerdict#NO_PERSON} (MediaPipe: 0.5)
 * @param minPresence a landmark with less presence probability is missing
 * @param frameMargin how far outside the frame a landmark may lie, as a fraction of the frame's width or height
 * @param minUpperBodyEvidence the least mean heatmap logit of head, shoulders and hips (ignored when the model has no
 *     heatmap output)
 */
public record BodyCheck(float minPoseFlag, float minPresence, float frameMargin, float minUpperBodyEvidence) {

    /** Pose flag 0.5, presence 0.5, 2 % margin, upper-body evidence 0. */
    public static final BodyCheck DEFAULT = new BodyCheck(0.5f, 0.5f, 0.02f, 0f);

    private static final String[] PART_NAMES = {"head", "shoulders", "hips", "knees", "ankles"};
    private static final int[][] PARTS = {
        {BlazePose.NOSE, BlazePose.LEFT_EAR, BlazePose.RIGHT_EAR},
        {BlazePose.LEFT_SHOULDER, BlazePose.RIGHT_SHOULDER},
        {BlazePose.LEFT_HIP, BlazePose.RIGHT_HIP},
        {BlazePose.LEFT_KNEE, BlazePose.RIGHT_KNEE},
        {BlazePose.LEFT_ANKLE, BlazePose.RIGHT_ANKLE},
    };

    /** The verdict on {@code pose} in a {@code width x height} frame. */
    public PoseEstimate judge(BlazePose pose, int width, int height, boolean tracked) {
        if (pose.poseFlag() < minPoseFlag) {
            return new PoseEstimate(PoseVerdict.NO_PERSON, pose, pose.roi(), tracked,
                    String.format("pose flag %.2f below %.2f", pose.poseFlag(), minPoseFlag));
        }
        List<String> absent = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (int p = 0; p < PARTS.length; p++) {
            boolean head = p == 0;
            boolean anyPresent = false;
            boolean allPresent = true;
            boolean anyInside = false;
            boolean allInside = true;
            for (int index : PARTS[p]) {
                Landmark l = pose.landmark(index);
                boolean present = l.presence() >= minPresence;
                boolean inside = inside(l, width, height);
                anyPresent |= present;
                allPresent &= present;
                anyInside |= present && inside;
                allInside &= inside;
            }
            if (head ? !anyPresent : !allPresent) {
                absent.add(PART_NAMES[p]);
            } else if (head ? !anyInside : !allInside) {
                outside.add(PART_NAMES[p]);
            }
        }
        float evidence = upperBodyEvidence(pose);
        boolean unseen = evidence < minUpperBodyEvidence;
        if (absent.isEmpty() && outside.isEmpty() && !unseen) {
            return new PoseEstimate(PoseVerdict.FULL_BODY, pose, pose.roi(), tracked, "whole body in view");
        }
        StringBuilder reason = new StringBuilder();
        if (unseen) {
            reason.append(String.format("head, shoulders and hips not seen (heatmap evidence %.2f below %.2f)",
                    evidence, minUpperBodyEvidence));
        }
        if (!outside.isEmpty()) {
            reason.append(reason.length() > 0 ? "; " : "").append(String.join(", ", outside))
                    .append(" outside the frame");
        }
        if (!absent.isEmpty()) {
            reason.append(reason.length() > 0 ? "; " : "").append(String.join(", ", absent)).append(" not present");
        }
        return new PoseEstimate(PoseVerdict.PARTIAL_BODY, pose, pose.roi(), tracked, reason.toString());
    }

    /**
     * The mean of the head's best heatmap peak (nose, ears) and the mean peaks of the shoulders and of the hips; NaN
     * when the model gave no heatmap (the check is then skipped).
     */
    public static float upperBodyEvidence(BlazePose pose) {
        float head = Math.max(pose.landmark(BlazePose.NOSE).evidence(), Math.max(
                pose.landmark(BlazePose.LEFT_EAR).evidence(), pose.landmark(BlazePose.RIGHT_EAR).evidence()));
        float shoulders = (pose.landmark(BlazePose.LEFT_SHOULDER).evidence()
                + pose.landmark(BlazePose.RIGHT_SHOULDER).evidence()) / 2;
        float hips = (pose.landmark(BlazePose.LEFT_HIP).evidence() + pose.landmark(BlazePose.RIGHT_HIP).evidence()) / 2;
        return (head + shoulders + hips) / 3;
    }

    private boolean inside(Landmark l, int width, int height) {
        float mx = frameMargin * width;
        float my = frameMargin * height;
        return l.x() >= -mx && l.x() <= width + mx && l.y() >= -my && l.y() <= height + my;
    }
}
