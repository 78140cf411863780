package io.loupe.appliance.web;

import io.loupe.pipelines.gait.Skeleton;
import java.util.ArrayList;
import java.util.List;

/**
 * A skeleton as the page draws it: JSON numbers only (a missing keypoint is null rather than NaN, which JSON lacks).
 *
 * @param present   false when nobody is in view (then the rest is empty)
 * @param width     frame width in pixels
 * @param height    frame height in pixels
 * @param trackId   the walker's track id
 * @param names     keypoint names, in order
 * @param points    {@code [x, y, score]} per keypoint, or null when missing
 * @param bones     pairs of indices into {@code points}
 * @param partial   the body is only partly in view (e.g. legs only)
 * @param inBout    a walking bout is being recorded
 */
record SkeletonView(boolean present, int width, int height, String trackId, List<String> names, List<float[]> points,
                    List<int[]> bones, boolean partial, boolean inBout) {

    static SkeletonView of(Skeleton s) {
        if (s == null) {
            return new SkeletonView(false, 0, 0, null, Skeleton.NAMES, List.of(), Skeleton.BONES, false, false);
        }
        List<float[]> points = new ArrayList<>(s.keypoints().size());
        for (var k : s.keypoints()) {
            points.add(Float.isFinite(k.x()) && Float.isFinite(k.y()) ? new float[] {k.x(), k.y(), k.score()} : null);
        }
        return new SkeletonView(true, s.frame().width(), s.frame().height(), s.trackId(), Skeleton.NAMES, points,
                Skeleton.BONES, s.partial(), s.inBout());
    }
}
