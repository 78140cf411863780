package io.loupe.pipelines.gait.analysis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Left and right stay with the same body side when a pose model flips between a front and a back reading. */
class GaitLeftRightTest {

    /** A walker seen from the front: left hip (and every left joint) on the image's right, drifting slowly. */
    private static double[][][] frames(int n) {
        double[][] x = new double[Joints.COUNT][n];
        double[][] y = new double[Joints.COUNT][n];
        double[][] s = new double[Joints.COUNT][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < Joints.COUNT; j++) {
                boolean left = j >= 1 && j % 2 == 1;
                boolean right = j >= 1 && j % 2 == 0;
                x[j][i] = 300 + i + (left ? 25 : right ? -25 : 0);
                y[j][i] = 100 + 15 * j;
                s[j][i] = left ? 0.9 : 0.8;
            }
        }
        return new double[][][] {x, y, s};
    }

    private static void swap(double[][][] f, int i) {
        for (int j = 1; j + 1 < Joints.COUNT; j += 2) {
            for (double[][] v : f) {
                double t = v[j][i];
                v[j][i] = v[j + 1][i];
                v[j + 1][i] = t;
            }
        }
    }

    @Test
    void untangle_framesFlippedToTheMirrorReading_areSwappedBack() {
        // given a model that flips to the mirrored reading in frames 10-12 and 30
        double[][][] f = frames(40);
        for (int i : new int[] {10, 11, 12, 30}) {
            swap(f, i);
        }

        // and the feet's motion in the picture measured at each ankle as labelled: the left one's box moved (3) and
        // the right one's did not (1), read the other way round in the flipped frames
        double[][] feet = new double[2][40];
        for (int i = 0; i < 40; i++) {
            boolean flipped = i >= 10 && i <= 12 || i == 30;
            feet[0][i] = flipped ? 1 : 3;
            feet[1][i] = flipped ? 3 : 1;
        }

        // when
        int swapped = LeftRight.untangle(f[0], f[1], f[2], feet);

        // then every frame has the left hip on the image's right again, scores and the feet's motion travelling with
        // their joints
        assertThat(swapped).isEqualTo(4);
        for (int i = 0; i < 40; i++) {
            assertThat(f[0][Joints.LEFT_HIP][i]).as("frame %d", i).isGreaterThan(f[0][Joints.RIGHT_HIP][i]);
            assertThat(f[2][Joints.LEFT_HIP][i]).isEqualTo(0.9);
            assertThat(feet[0][i]).as("left foot's motion, frame %d", i).isEqualTo(3);
            assertThat(feet[1][i]).isEqualTo(1);
        }
    }

    @Test
    void untangle_consistentMirrorFromTheStart_isKept() {
        // given a back view read mirrored throughout (harmless: it only renames the feet)
        double[][][] f = frames(20);
        for (int i = 0; i < 20; i++) {
            swap(f, i);
        }

        // when
        int swapped = LeftRight.untangle(f[0], f[1], f[2], new double[2][f[0][0].length]);

        // then nothing is swapped
        assertThat(swapped).isZero();
    }

    @Test
    void untangle_legsCrossingInASideView_isLeftAlone() {
        // given a side view: left and right ankles pass each other (swing), hips on top of each other
        double[][][] f = frames(30);
        for (int i = 0; i < 30; i++) {
            double swing = 40 * Math.sin(2 * Math.PI * i / 25.0);
            f[0][Joints.LEFT_ANKLE][i] = 300 + swing;
            f[0][Joints.RIGHT_ANKLE][i] = 300 - swing;
            for (int j = 1; j < Joints.COUNT; j++) {
                if (j != Joints.LEFT_ANKLE && j != Joints.RIGHT_ANKLE) {
                    f[0][j][i] = 300 + i;
                }
            }
        }
        double[] left = f[0][Joints.LEFT_ANKLE].clone();

        // when
        LeftRight.untangle(f[0], f[1], f[2], new double[2][f[0][0].length]);

        // then the ankles keep their labels through the crossing
        assertThat(f[0][Joints.LEFT_ANKLE]).containsExactly(left);
    }
}
