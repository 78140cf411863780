package io.loupe.pipelines.gait.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The joints the gait analysis reads: the 17 COCO keypoints in COCO order, then the heels and toes (foot indices) that
 * BlazePose gives and COCO models do not. A joint that a frame lacks is NaN there, never 0. Every left joint has an odd
 * index and its right twin the next one (the nose, 0, has none): {@link #TWINS}.
 */
public final class Joints {
    public static final int NOSE = 0;
    public static final int LEFT_SHOULDER = 5;
    public static final int RIGHT_SHOULDER = 6;
    public static final int LEFT_ELBOW = 7;
    public static final int RIGHT_ELBOW = 8;
    public static final int LEFT_WRIST = 9;
    public static final int RIGHT_WRIST = 10;
    public static final int LEFT_HIP = 11;
    public static final int RIGHT_HIP = 12;
    public static final int LEFT_KNEE = 13;
    public static final int RIGHT_KNEE = 14;
    public static final int LEFT_ANKLE = 15;
    public static final int RIGHT_ANKLE = 16;
    public static final int LEFT_HEEL = 17;
    public static final int RIGHT_HEEL = 18;
    public static final int LEFT_TOE = 19;
    public static final int RIGHT_TOE = 20;
    /** COCO-17 keypoints. */
    public static final int COCO = 17;
    /** All joints: COCO-17 plus heels and toes. */
    public static final int COUNT = 21;
    /** The upper body: face, shoulders, elbows, wrists (COCO 0..10). */
    public static final int UPPER_BODY_END = 11;

    /** snake_case names in index order, as in the COCO keypoint list. */
    public static final List<String> NAMES = List.of("nose", "left_eye", "right_eye", "left_ear", "right_ear",
            "left_shoulder", "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip",
            "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle", "left_heel", "right_heel",
            "left_toe", "right_toe");

    /** Every left joint with its right twin, in index order. */
    public static final List<Twins> TWINS = twins();

    /**
     * A left joint and its right twin.
     *
     * @param left  the left joint's index
     * @param right the right twin's index
     */
    public record Twins(int left, int right) {
    }

    private Joints() {
    }

    private static List<Twins> twins() {
        List<Twins> out = new ArrayList<>(COUNT / 2);
        for (int left = 1; left < COUNT; left += 2) {
            out.add(new Twins(left, left + 1));
        }
        return List.copyOf(out);
    }
}
