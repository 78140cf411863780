package io.loupe.pipelines.gait.analysis;

/**
 * Keeps the left and right labels of a walker's keypoints consistent over time. A pose model that cannot tell a back
 * view from a front view (BlazePose on a person walking away from the camera, measured on the generated walks) labels
 * the whole body mirrored, and often flips between the two readings from one frame to the next; every frame-to-frame
 * flip then looks like both feet jumping across the body, which breaks heel strikes, freezing and turns. A consistent
 * mirror is harmless (it only renames the feet), so each frame is compared with the last frame before it that had
 * keypoints: when the body with every left/right pair swapped lies much closer to that frame (its summed joint
 * displacement below {@value #SWAP_RATIO} of the unswapped one's), the frame is swapped back. Ambiguous frames (legs or
 * arms crossing in a side view, where both readings are about as close) are left as the model gave them. The
 * pipeline's per-frame facing check ({@code io.loupe.pipelines.gait.WalkerFacing}) puts the sides right where the
 * walker's travel tells which way he faces; this keeps the frames it cannot decide (turns, standing) consistent with
 * them.
 */
final class LeftRight {
    /** A frame is swapped when the swapped reading's displacement is below this share of the given one's. */
    static final double SWAP_RATIO = 0.5;

    private LeftRight() {
    }

    /**
     * Swaps left and right in place where a frame's labels flipped against the frame before it.
     *
     * @param x     per joint, per sample (NaN where missing)
     * @param y     the same for y
     * @param score the same for the scores
     * @param feet  per foot (left, right), per sample, what was measured at each foot as labelled (swapped with them)
     * @return how many samples were swapped
     */
    static int untangle(double[][] x, double[][] y, double[][] score, double[][] feet) {
        int n = x[0].length;
        int previous = -1;
        int swapped = 0;
        for (int i = 0; i < n; i++) {
            double plain = 0;
            double mirrored = 0;
            int pairs = 0;
            boolean any = false;
            for (Joints.Twins p : Joints.TWINS) {
                any |= !Double.isNaN(x[p.left()][i]) || !Double.isNaN(x[p.right()][i]);
                if (previous < 0) {
                    continue;
                }
                double same = dist(x, y, p.left(), i, p.left(), previous)
                        + dist(x, y, p.right(), i, p.right(), previous);
                double cross = dist(x, y, p.right(), i, p.left(), previous)
                        + dist(x, y, p.left(), i, p.right(), previous);
                if (!Double.isNaN(same) && !Double.isNaN(cross)) {
                    plain += same;
                    mirrored += cross;
                    pairs++;
                }
            }
            if (pairs > 0 && mirrored < SWAP_RATIO * plain) {
                for (Joints.Twins p : Joints.TWINS) {
                    swap(x, p, i);
                    swap(y, p, i);
                    swap(score, p, i);
                }
                double t = feet[0][i];
                feet[0][i] = feet[1][i];
                feet[1][i] = t;
                swapped++;
            }
            if (any) {
                previous = i;
            }
        }
        return swapped;
    }

    private static double dist(double[][] x, double[][] y, int a, int i, int b, int k) {
        return Math.hypot(x[a][i] - x[b][k], y[a][i] - y[b][k]);
    }

    private static void swap(double[][] v, Joints.Twins p, int i) {
        double t = v[p.left()][i];
        v[p.left()][i] = v[p.right()][i];
        v[p.right()][i] = t;
    }
}
