package io.loupe.pipelines.gait;

import io.loupe.models.Detection;
import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.pose.PersonPose;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class WalkerFacingTest {
    private static final double FPS = 25;

    /**
     * A standing figure as a pose model that always assumes a front view labels it: the person's left on the image's
     * right. {@code stature} is mid-shoulders to mid-ankles in pixels; {@code spread} the share of it that the
     * shoulders and hips lie apart across the image (summed), small for a side view.
     */
    private static TrackedPerson labelledAsFacing(String track, double stature, double spread) {
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        float[] s = new float[Joints.COUNT];
        Arrays.fill(s, 0.9f);
        float cx = 320;
        float top = 100;
        float half = (float) (spread * stature / 4); // shoulders and hips each spread twice this
        for (Joints.Twins twins : Joints.TWINS) {
            x[twins.left()] = cx + half;
            x[twins.right()] = cx - half;
        }
        x[Joints.NOSE] = cx;
        y[Joints.NOSE] = top - 20;
        y[Joints.LEFT_SHOULDER] = y[Joints.RIGHT_SHOULDER] = top;
        y[Joints.LEFT_HIP] = y[Joints.RIGHT_HIP] = top + (float) (0.45 * stature);
        y[Joints.LEFT_ANKLE] = y[Joints.RIGHT_ANKLE] = top + (float) stature;
        s[Joints.LEFT_WRIST] = 0.3f; // to see scores travel with their joint
        PersonPose p = new PersonPose(new Detection(0, "person", 0.9f, cx - 60, top - 40, cx + 60,
                top + (float) stature + 10), x, y, s, false, null);
        return new TrackedPerson(track, p);
    }

    /** The stature of a walker walking away: 15 % smaller each second from 300 px. */
    private static double away(int frame) {
        return 300 * Math.exp(-0.15 * frame / FPS);
    }

    /** Frames 0..49 of a walker walking away, labelled as facing, through {@code facing}. */
    private static void walkAway(WalkerFacing facing) {
        for (int i = 0; i < 50; i++) {
            facing.correct(labelledAsFacing("T1", away(i), 0.45), i / FPS);
        }
    }

    private static boolean leftOnImageLeft(TrackedPerson w) {
        return w.pose().x()[Joints.LEFT_SHOULDER] < w.pose().x()[Joints.RIGHT_SHOULDER]
                && w.pose().x()[Joints.LEFT_ANKLE] < w.pose().x()[Joints.RIGHT_ANKLE];
    }

    @Test
    void walkerShrinkingInTheImage_showsHisBack_soAFrontReadingIsSwapped() {
        WalkerFacing facing = new WalkerFacing();
        TrackedPerson last = null;
        int swapped = 0;
        for (int i = 0; i < 50; i++) { // walking away: 15 % smaller each second
            TrackedPerson given = labelledAsFacing("T1", away(i), 0.45);
            last = facing.correct(given, i / FPS);
            if (i == 0) {
                assertThat(last).as("no travel seen yet: as given").isSameAs(given);
            }
            swapped += last == given ? 0 : 1;
        }
        assertThat(facing.facing()).isEqualTo(WalkerFacing.Facing.AWAY);
        assertThat(leftOnImageLeft(last)).isTrue();
        assertThat(last.pose().score()[Joints.RIGHT_WRIST]).as("scores swap with their joints").isEqualTo(0.3f);
        assertThat(last.pose().x()[Joints.NOSE]).isEqualTo(320f);
        assertThat(swapped).as("every frame once 0.2 s of travel is seen").isBetween(40, 45);
    }

    @Test
    void walkerGrowingInTheImage_facesTheCamera_soAFrontReadingStands() {
        WalkerFacing facing = new WalkerFacing();
        for (int i = 0; i < 50; i++) {
            TrackedPerson given = labelledAsFacing("T1", 150 * Math.exp(0.15 * i / FPS), 0.45);
            assertThat(facing.correct(given, i / FPS)).isSameAs(given);
        }
        assertThat(facing.facing()).isEqualTo(WalkerFacing.Facing.TOWARDS);
    }

    @Test
    void facingHolds_whileTheWalkerFreezesSquareOn_andIsDroppedWhenHeTurnsSideOn() {
        WalkerFacing facing = new WalkerFacing();
        walkAway(facing);
        int i = 50;
        double stopped = away(i - 1);
        for (; i < 150; i++) { // a freeze of 4 s: no travel, still his back
            assertThat(leftOnImageLeft(facing.correct(labelledAsFacing("T1", stopped, 0.45), i / FPS))).isTrue();
        }
        facing.correct(labelledAsFacing("T1", stopped, 0.08), i++ / FPS); // turning: side-on for a moment
        assertThat(facing.facing()).isEqualTo(WalkerFacing.Facing.UNKNOWN);
        for (int end = i + 25; i < end; i++) { // square on again, now facing the camera, not yet walking
            TrackedPerson given = labelledAsFacing("T1", stopped, 0.45);
            assertThat(facing.correct(given, i / FPS)).as("frame %d", i).isSameAs(given);
        }
    }

    @Test
    void aNewTrack_startsWithoutTheOldOnesTravel() {
        WalkerFacing facing = new WalkerFacing();
        walkAway(facing);
        TrackedPerson other = labelledAsFacing("T2", away(50), 0.45);
        assertThat(facing.correct(other, 50 / FPS)).as("another walker: nothing known of him").isSameAs(other);
        assertThat(facing.facing()).isEqualTo(WalkerFacing.Facing.UNKNOWN);
    }

    @Test
    void sideView_isLeftAsGiven_evenWhileItsSizeChanges() {
        WalkerFacing facing = new WalkerFacing();
        for (int i = 0; i < 50; i++) { // shoulders and hips nearly on top of each other: no order to trust
            TrackedPerson given = labelledAsFacing("T1", away(i), 0.06);
            assertThat(facing.correct(given, i / FPS)).isSameAs(given);
        }
        assertThat(facing.facing()).isEqualTo(WalkerFacing.Facing.UNKNOWN);
    }

    @Test
    void slowDrift_belowTheSlope_decidesNothing() {
        WalkerFacing facing = new WalkerFacing();
        for (int i = 0; i < 100; i++) { // 2 % a second: jitter or a side walk's perspective, not travel in depth
            TrackedPerson given = labelledAsFacing("T1", 300 * Math.exp(-0.02 * i / FPS), 0.45);
            assertThat(facing.correct(given, i / FPS)).isSameAs(given);
        }
        assertThat(facing.facing()).isEqualTo(WalkerFacing.Facing.UNKNOWN);
    }

    @Test
    void noWalker_isNoWalker() {
        assertThat(new WalkerFacing().correct(null, 0)).isNull();
    }
}
