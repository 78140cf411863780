package io.loupe.pipelines.gait;

import io.loupe.models.Keypoint;
import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.gait.analysis.Joints;

import java.util.List;

/**
 * The walker's skeleton in the latest frame, for the live view: keypoints in frame pixels with the frame's size (in
 * {@code frame}), so the page can draw it on a blank canvas of that size. No pixels.
 *
 * @param frame     the frame (camera, sequence number, time, width, height)
 * @param trackId   the walker's track id
 * @param keypoints {@link Joints#NAMES} order (COCO-17, then heels and toes); a missing one has NaN coordinates and
 *                  score 0
 * @param partial   the pose source judged the body partial (its upper body is missing)
 * @param inBout    a walking bout is being recorded
 * @param people    people in view
 */
public record Skeleton(FrameRef frame, String trackId, List<Keypoint> keypoints, boolean partial, boolean inBout,
                       int people) {

    /** The joint names, in keypoint order. */
    public static final List<String> NAMES = Joints.NAMES;

    /** Pairs of keypoint indices to draw as bones. */
    public static final List<int[]> BONES = List.of(new int[] {5, 6}, new int[] {5, 7}, new int[] {7, 9},
            new int[] {6, 8}, new int[] {8, 10}, new int[] {5, 11}, new int[] {6, 12}, new int[] {11, 12},
            new int[] {11, 13}, new int[] {13, 15}, new int[] {12, 14}, new int[] {14, 16}, new int[] {15, 17},
            new int[] {15, 19}, new int[] {16, 18}, new int[] {16, 20}, new int[] {0, 5}, new int[] {0, 6});

    public Skeleton {
        keypoints = List.copyOf(keypoints);
    }
}
