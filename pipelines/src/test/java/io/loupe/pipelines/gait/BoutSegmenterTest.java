package io.loupe.pipelines.gait;

import io.loupe.models.Detection;
import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.pose.PersonPose;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Where bouts start and stop, from the walker's keypoints and his feet's motion in the picture. */
class BoutSegmenterTest {
    private static final double FPS = 25;

    /** A person 200 px tall standing still in the picture: his keypoints do not move at all. */
    private static TrackedPerson standing() {
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        float[] score = new float[Joints.COUNT];
        Arrays.fill(x, Float.NaN);
        Arrays.fill(y, Float.NaN);
        double ground = 400;
        joint(x, y, score, Joints.LEFT_SHOULDER, 340, ground - 164);
        joint(x, y, score, Joints.RIGHT_SHOULDER, 300, ground - 164);
        joint(x, y, score, Joints.LEFT_HIP, 336, ground - 106);
        joint(x, y, score, Joints.RIGHT_HIP, 304, ground - 106);
        joint(x, y, score, Joints.LEFT_KNEE, 336, ground - 57);
        joint(x, y, score, Joints.RIGHT_KNEE, 304, ground - 57);
        joint(x, y, score, Joints.LEFT_ANKLE, 336, ground - 8);
        joint(x, y, score, Joints.RIGHT_ANKLE, 304, ground - 8);
        PersonPose pose = new PersonPose(new Detection(0, "person", 0.9f, 280, 180, 360, 400), x, y, score, false,
                null);
        return new TrackedPerson("T1", pose);
    }

    private static void joint(float[] x, float[] y, float[] score, int j, double px, double py) {
        x[j] = (float) px;
        y[j] = (float) py;
        score[j] = 0.9f;
    }

    /** The feet's motion in the picture at {@code t} while stepping: one foot swings (4 grey levels), one is planted. */
    private static float[] stepping(double t) {
        boolean leftSwings = (int) (t / 0.5) % 2 == 0;
        return leftSwings ? new float[] {4f, 0.6f} : new float[] {0.6f, 4f};
    }

    @Test
    void accept_footSteppingInThePictureWhileTheKeypointsStayPut_startsABoutAndKeepsItOpen() {
        BoutSegmenter segmenter = new BoutSegmenter(BoutSettings.defaults());
        TrackedPerson walker = standing();

        double t = 0;
        for (; t < 1.0; t += 1 / FPS) {
            segmenter.accept(t, walker, stepping(t));
        }
        assertThat(segmenter.inBout()).as("a slow walker whose keypoints move less than their jitter").isTrue();
        FinishedBout done = null;
        for (; t < 6.0 && done == null; t += 1 / FPS) {
            done = segmenter.accept(t, walker, stepping(t));
        }
        assertThat(done).as("stepping in the picture is moving").isNull();
        assertThat(segmenter.inBout()).isTrue();
    }

    @Test
    void accept_bothFeetAtThePicturesNoise_startsNoBout_andEndsOneAfterStopAfter() {
        // standing: both feet at the sensor's noise; or, with a codec that leaves the still picture alone, a foot's
        // change 0 and the other's a few tenths (more than twice the first, under the noise floor)
        float[][][] noises = {{{0.7f, 0.5f}, {0.5f, 0.6f}}, {{0f, 0.4f}, {0.3f, 0f}}};
        for (float[][] noise : noises) {
            BoutSegmenter segmenter = new BoutSegmenter(BoutSettings.defaults());
            TrackedPerson walker = standing();
            double t = 0;
            for (int i = 0; i < 3 * FPS; i++, t += 1 / FPS) {
                segmenter.accept(t, walker, noise[i % 2]);
            }
            assertThat(segmenter.inBout()).as("noise %s", Arrays.deepToString(noise)).isFalse();

            for (double until = t + 2; t < until; t += 1 / FPS) {
                segmenter.accept(t, walker, stepping(t));
            }
            assertThat(segmenter.inBout()).isTrue();
            double stoppedStepping = t;
            FinishedBout done = null;
            for (int i = 0; t < stoppedStepping + 10 && done == null; i++, t += 1 / FPS) {
                done = segmenter.accept(t, walker, noise[i % 2]);
            }
            assertThat(done).isNotNull();
            assertThat(done.end()).isEqualTo(BoutEnd.STOPPED);
            // bouts.stopAfter (4 s) after the last window that still held a step
            assertThat(t - stoppedStepping).isBetween(4.0, 4.0 + BoutSegmenter.WINDOW_S + 1 / FPS);
        }
    }

    @Test
    void finish_handsOutACopy_soThatTheNextBoutRecordedInTheReusedBufferLeavesItAlone() {
        BoutSegmenter segmenter = new BoutSegmenter(BoutSettings.defaults());
        TrackedPerson walker = standing();
        float[] still = {0.5f, 0.6f};
        double t = 0;
        for (; t < 2.0; t += 1 / FPS) {
            segmenter.accept(t, walker, stepping(t));
        }
        FinishedBout first = segmenter.finish(BoutEnd.END_OF_STREAM);
        double[] times = new double[first.series().size()];
        float[] left = new float[times.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = first.series().time(i);
            left[i] = first.series().footMotion(0, i);
        }

        // when a second, longer bout is recorded after a pause
        for (double until = t + 2; t < until; t += 1 / FPS) {
            segmenter.accept(t, walker, still);
        }
        for (double until = t + 5; t < until; t += 1 / FPS) {
            segmenter.accept(t, walker, new float[] {7f, 0.6f});
        }
        FinishedBout second = segmenter.finish(BoutEnd.END_OF_STREAM);

        // then the first bout's samples are as they were, and the second has its own
        assertThat(second.series().size()).isGreaterThan(times.length);
        assertThat(second.series().time(0)).isGreaterThan(times[times.length - 1]);
        for (int i = 0; i < times.length; i++) {
            assertThat(first.series().time(i)).isEqualTo(times[i]);
            assertThat(first.series().footMotion(0, i)).isEqualTo(left[i]);
        }
    }
}
