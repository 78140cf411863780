package io.loupe.models.mediapipe;

import java.util.Optional;

/**
 * The result of one frame of {@link BlazePoseTracker}.
 *
 * @param verdict full body, partial body or no person
 * @param pose the landmarks (present for FULL_BODY and PARTIAL_BODY, and for NO_PERSON when the landmark model ran but
 *     its pose flag was low)
 * @param roi the crop the landmark model ran on, or null when none was found
 * @param tracked true when the crop came from the previous frame's landmarks rather than from a detection
 * @param reason why the verdict is what it is, e.g. {@code "shoulders, head outside the frame"}
 */
public record PoseEstimate(PoseVerdict verdict, BlazePose pose, PoseRoi roi, boolean tracked, String reason) {

    public Optional<BlazePose> landmarks() {
        return Optional.ofNullable(pose);
    }

    /** A frame with no crop to look at. */
    static PoseEstimate none(String reason) {
        return new PoseEstimate(PoseVerdict.NO_PERSON, null, null, false, reason);
    }
}
