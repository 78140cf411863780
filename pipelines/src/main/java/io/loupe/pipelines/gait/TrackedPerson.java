package io.loupe.pipelines.gait;

import io.loupe.pipelines.gait.pose.PersonPose;

/**
 * The walker in one frame.
 *
 * @param trackId the tracker's id, stable while the person stays in view ({@code T1}, {@code T2}, …; restarting with
 *                the pipeline)
 * @param pose    the person's box and keypoints
 */
public record TrackedPerson(String trackId, PersonPose pose) {
}
