package io.loupe.appliance.evaluate;

import io.loupe.models.Keypoint;
import io.loupe.pipelines.gait.Skeleton;
import io.loupe.samples.core.Box;
import io.loupe.samples.gait.truth.FrameKeypoints;

import java.util.List;

/**
 * Counts correct keypoints (PCK) per COCO-17 joint: a labelled true keypoint (v &gt; 0) is correct at α when the
 * estimated one lies within α × the longer side of the true person box. Not thread-safe.
 */
final class PckTally {
    static final int JOINTS = 17;
    static final double ALPHA = 0.1;
    static final double ALPHA_STRICT = 0.05;
    /** Each COCO joint's mirror image (left for right). */
    private static final int[] MIRROR = {0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15};

    private final int[] labelled = new int[JOINTS];
    private final int[] correct10 = new int[JOINTS];
    private final int[] correct05 = new int[JOINTS];
    private int framesWithPerson;
    private int framesWithoutPose;
    private int framesMirrored;

    /**
     * One frame.
     *
     * @param truth    the frame's true keypoints and box
     * @param skeleton the pipeline's walker in that frame, or null when it had none
     */
    void add(FrameKeypoints truth, Skeleton skeleton) {
        Box box = truth.box();
        double scale = Math.max(box.width(), box.height());
        boolean person = false;
        int plain = 0;
        int mirrored = 0;
        for (int j = 0; j < JOINTS; j++) {
            if (truth.v(j) <= 0) {
                continue;
            }
            person = true;
            labelled[j]++;
            if (skeleton == null || scale <= 0) {
                continue;
            }
            Keypoint k = skeleton.keypoints().get(j);
            double d = Math.hypot(k.x() - truth.x(j), k.y() - truth.y(j));
            if (Double.isNaN(d)) {
                continue;
            }
            correct10[j] += d <= ALPHA * scale ? 1 : 0;
            correct05[j] += d <= ALPHA_STRICT * scale ? 1 : 0;
            plain += d <= ALPHA * scale ? 1 : 0;
            Keypoint m = skeleton.keypoints().get(MIRROR[j]);
            mirrored += Math.hypot(m.x() - truth.x(j), m.y() - truth.y(j)) <= ALPHA * scale ? 1 : 0;
        }
        framesWithPerson += person ? 1 : 0;
        framesWithoutPose += person && skeleton == null ? 1 : 0;
        framesMirrored += mirrored > plain ? 1 : 0;
    }

    /** Adds another tally's counts to this one. */
    void addAll(PckTally other) {
        for (int j = 0; j < JOINTS; j++) {
            labelled[j] += other.labelled[j];
            correct10[j] += other.correct10[j];
            correct05[j] += other.correct05[j];
        }
        framesWithPerson += other.framesWithPerson;
        framesWithoutPose += other.framesWithoutPose;
        framesMirrored += other.framesMirrored;
    }

    int framesWithPerson() {
        return framesWithPerson;
    }

    int framesWithoutPose() {
        return framesWithoutPose;
    }

    /**
     * Frames where the skeleton matches the truth better with left and right swapped: a pose model that took a back
     * view for a front view.
     */
    int framesMirrored() {
        return framesMirrored;
    }

    /** Over every joint, named {@code name}. */
    PckScore total(String name) {
        int n = 0;
        int c10 = 0;
        int c05 = 0;
        for (int j = 0; j < JOINTS; j++) {
            n += labelled[j];
            c10 += correct10[j];
            c05 += correct05[j];
        }
        return PckScore.of(name, n, c10, c05);
    }

    /** Per joint, named as in {@code names} (COCO order). */
    List<PckScore> perJoint(List<String> names) {
        return java.util.stream.IntStream.range(0, JOINTS)
                .mapToObj(j -> PckScore.of(names.get(j), labelled[j], correct10[j], correct05[j])).toList();
    }
}
