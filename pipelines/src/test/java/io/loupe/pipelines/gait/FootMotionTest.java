package io.loupe.pipelines.gait;

import io.loupe.models.Detection;
import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.pose.PersonPose;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/** The feet's motion measured in the picture, on real OpenCV frames. */
class FootMotionTest {
    private static final int LEFT_X = 60;
    private static final int RIGHT_X = 140;
    private static final int ANKLE_Y = 170;

    /** A 200x200 frame: grey floor, a dark foot below each ankle, the left one {@code leftDown} pixels lower. */
    private static Mat frame(int leftDown, double floor) {
        Mat m = new Mat(200, 200, CV_8UC3, Scalar.all(floor));
        rectangle(m, new Point(LEFT_X - 6, ANKLE_Y + leftDown), new Point(LEFT_X + 6, ANKLE_Y + 8 + leftDown),
                Scalar.all(20), FILLED, 8, 0);
        rectangle(m, new Point(RIGHT_X - 6, ANKLE_Y), new Point(RIGHT_X + 6, ANKLE_Y + 8), Scalar.all(20), FILLED, 8,
                0);
        return m;
    }

    /** A walker 200 pixels tall (boxes of ±12 px) with his ankles where the frames draw the feet. */
    private static PersonPose walker(boolean rightAnkleFound) {
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        float[] s = new float[Joints.COUNT];
        Arrays.fill(x, Float.NaN);
        Arrays.fill(y, Float.NaN);
        x[Joints.LEFT_ANKLE] = LEFT_X;
        y[Joints.LEFT_ANKLE] = ANKLE_Y;
        s[Joints.LEFT_ANKLE] = 0.9f;
        if (rightAnkleFound) {
            x[Joints.RIGHT_ANKLE] = RIGHT_X;
            y[Joints.RIGHT_ANKLE] = ANKLE_Y;
            s[Joints.RIGHT_ANKLE] = 0.9f;
        }
        return new PersonPose(new Detection(0, "person", 0.9f, 40, 0, 160, 200), x, y, s, false, null);
    }

    @Test
    void measure_swingingFootShiftedTwoPixels_changesOnlyThatFoot_aPlantedFootStaysAtZero() {
        float[] out = new float[2];
        try (FootMotion motion = new FootMotion(); Mat a = frame(0, 128); Mat b = frame(2, 128)) {
            motion.measure(a, walker(true), out);
            assertThat(out[0]).as("no previous frame yet").isNaN();
            assertThat(out[1]).isNaN();

            motion.measure(b, walker(true), out);

            // the left foot moved two pixels: two rows at its top and two at its bottom, 13 columns of 108 grey levels,
            // over its 24x28 box
            assertThat(out[0]).isBetween(7f, 13f);
            assertThat(out[1]).isZero();
        }
    }

    /** The feet's motion measured on frame {@code b} after frame {@code a}, both closed after. */
    private static float[] afterOneFrame(Mat a, Mat b, PersonPose walker) {
        float[] out = new float[2];
        try (FootMotion motion = new FootMotion(); a; b) {
            motion.measure(a, walker, out);
            motion.measure(b, walker, out);
        }
        return out;
    }

    @Test
    void measure_wholePictureBrightens_changesBothFeetAlike() {
        float[] out = afterOneFrame(frame(0, 128), frame(0, 138), walker(true));

        assertThat(out[0]).isGreaterThan(5f).isEqualTo(out[1]);
    }

    @Test
    void measure_ankleNotFound_isNaNForThatFootOnly() {
        float[] out = afterOneFrame(frame(0, 128), frame(2, 128), walker(false));

        assertThat(out[0]).isPositive();
        assertThat(out[1]).isNaN();
    }

    @Test
    void measure_frameOfAnotherSizeOrAfterReset_hasNoPreviousFrameToCompareWith() {
        float[] out = new float[2];
        try (FootMotion motion = new FootMotion(); Mat a = frame(0, 128); Mat b = frame(2, 128);
             Mat small = new Mat(100, 100, CV_8UC3, Scalar.all(128))) {
            motion.measure(a, walker(true), out);
            motion.measure(small, walker(true), out);
            assertThat(out[0]).isNaN();

            motion.measure(a, walker(true), out);
            motion.reset();
            motion.measure(b, walker(true), out);
            assertThat(out[0]).isNaN();
            assertThat(out[1]).isNaN();
        }
    }
}
