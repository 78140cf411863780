package io.loupe.pipelines.defect;

import io.loupe.pipelines.defect.part.PartTracker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class PartTrackerTest {
    /** Fully in view: inside x 10..630. */
    private static final Predicate<Box> IN_VIEW = b -> b.x() >= 10 && b.right() <= 630;

    private static PresenceSettings settings(int minTrackFrames, int maxMissed) {
        return new PresenceSettings(Polarity.BRIGHTER, 128, 5, 100, 4, minTrackFrames, maxMissed, 80);
    }

    @Test
    void update_partsCrossingTheView_areEachJudgedOnceWithStableIds() {
        // given two parts moving right at 10 px per frame, 250 px apart, entering from the left edge
        PartTracker tracker = new PartTracker(settings(2, 2));
        List<String> judged = new ArrayList<>();
        List<Integer> judgedAt = new ArrayList<>();

        // when they cross the whole view
        for (int f = 0; f < 120; f++) {
            List<Box> blobs = new ArrayList<>();
            for (int start : new int[]{-120, -370}) {
                int x = start + 10 * f;
                int x1 = Math.max(0, x);
                int x2 = Math.min(640, x + 120);
                if (x2 - x1 > 5) {
                    blobs.add(new Box(x1, 200, x2 - x1, 100));
                }
            }
            for (PartTracker.Track t : tracker.update(blobs, IN_VIEW).judgeNow()) {
                judged.add(t.partId());
                judgedAt.add(f);
            }
        }

        // then each is judged exactly once, in order, as soon as it is clear of the entry edge
        assertThat(judged).containsExactly("P1", "P2");
        assertThat(judgedAt.get(0)).isEqualTo(13);
        assertThat(tracker.seen()).isEqualTo(2);
    }

    @Test
    void update_aPartUnseenForFramesWithinMaxMissed_keepsItsTrack_andIsJudgedOnce() {
        // given one part moving right at 30 and at 50 px per frame, not found for as many frames as maxMissedFrames
        // allows (glare), before and after it was judged
        for (int speed : new int[] {30, 50}) {
            for (int gapAt : new int[] {3, 9}) {
                PartTracker tracker = new PartTracker(PresenceSettings.defaults());
                List<String> judged = new ArrayList<>();
                int unjudged = 0;

                // when it crosses the view
                for (int f = 0; f < 30; f++) {
                    int x = -130 + speed * f;
                    int x1 = Math.max(0, x);
                    int x2 = Math.min(640, x + 130);
                    boolean glare = f >= gapAt && f < gapAt + PresenceSettings.defaults().maxMissedFrames();
                    List<Box> blobs = x2 - x1 > 5 && !glare ? List.of(new Box(x1, 200, x2 - x1, 100)) : List.of();
                    PartTracker.Update u = tracker.update(blobs, IN_VIEW);
                    u.judgeNow().forEach(t -> judged.add(t.partId()));
                    unjudged += u.leftUnjudged().size();
                }

                // then it is one part, judged once
                assertThat(judged).as("%d px a frame, gap from frame %d", speed, gapAt).containsExactly("P1");
                assertThat(unjudged).as("%d px a frame, gap from frame %d", speed, gapAt).isZero();
                assertThat(tracker.seen()).as("%d px a frame, gap from frame %d", speed, gapAt).isEqualTo(1);
            }
        }
    }

    @Test
    void update_partLeavingBeforeFullyInView_isReportedOnceAsUnjudged() {
        // given a part that only ever shows its front at the right edge of a narrow view
        PartTracker tracker = new PartTracker(settings(2, 1));
        Predicate<Box> never = b -> false;
        int left = 0;

        // when it is seen for five frames and then disappears
        for (int f = 0; f < 5; f++) {
            left += tracker.update(List.of(new Box(600, 200, 40, 100)), never).leftUnjudged().size();
        }
        for (int f = 0; f < 5; f++) {
            left += tracker.update(List.of(), never).leftUnjudged().size();
        }

        // then it is reported once
        assertThat(left).isEqualTo(1);
        assertThat(tracker.active()).isZero();
    }

    @Test
    void update_oneFrameNoise_isNeitherJudgedNorReported() {
        PartTracker tracker = new PartTracker(settings(2, 0));

        PartTracker.Update first = tracker.update(List.of(new Box(300, 200, 50, 50)), IN_VIEW);
        PartTracker.Update gone = tracker.update(List.of(), IN_VIEW);

        assertThat(first.judgeNow()).isEmpty();
        assertThat(gone.judgeNow()).isEmpty();
        assertThat(gone.leftUnjudged()).isEmpty();
    }

    @Test
    void update_briefDropout_keepsTheTrackAndId() {
        PartTracker tracker = new PartTracker(settings(3, 2));
        List<String> judged = new ArrayList<>();

        for (int f = 0; f < 8; f++) {
            List<Box> blobs = f == 2 || f == 3 ? List.of() : List.of(new Box(100 + 10 * f, 200, 60, 60));
            tracker.update(blobs, IN_VIEW).judgeNow().forEach(t -> judged.add(t.partId()));
        }

        assertThat(judged).containsExactly("P1");
        assertThat(tracker.seen()).isEqualTo(1);
    }
}
