package io.loupe.pipelines.gait;

import io.loupe.models.Detection;
import io.loupe.pipelines.gait.pose.PersonPose;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Stable ids and the choice of the walker among several people. */
class GaitPersonTrackerTest {

    private static PersonPose box(float x, float y, float h) {
        return PersonPose.boxOnly(new Detection(0, "person", 0.9f, x, y, x + h / 3, y + h));
    }

    @Test
    void tracker_walkerCrossesBesideTwoStandingPeople_walkerChosenWithAStableId() {
        // given a seated bystander (shorter), a standing nurse (as tall) and a walker crossing at 1 H/s
        PersonTracker tracker = new PersonTracker(1.0);
        List<String> ids = new ArrayList<>();
        for (int f = 0; f < 100; f++) {
            double t = f / 25.0;
            List<PersonPose> people = List.of(box(500, 100, 200), box(50, 200, 110),
                    box((float) (100 + 200 * t), 110, 200));
            // when
            TrackedPerson walker = tracker.update(people, t);
            if (f >= 25) {
                // then after a second the walker is the one crossing, under one id
                assertThat(walker).isNotNull();
                assertThat(walker.pose().box().x1()).isCloseTo((float) (100 + 200 * t),
                        org.assertj.core.data.Offset.offset(0.5f));
                ids.add(walker.trackId());
            }
        }
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(tracker.tracks()).isEqualTo(3);
    }

    @Test
    void tracker_walkerUnseenLongerThanLostAfter_trackEndsAndANewIdFollows() {
        PersonTracker tracker = new PersonTracker(0.5);
        String first = null;
        for (int f = 0; f < 40; f++) {
            TrackedPerson w = tracker.update(List.of(box(100 + 8 * f, 100, 200)), f / 25.0);
            first = w == null ? first : w.trackId();
        }
        // when nobody is seen for 1 s
        for (int f = 40; f < 65; f++) {
            assertThat(tracker.update(List.of(), f / 25.0)).isNull();
        }
        // then the track is gone, and the next person gets a new id
        assertThat(tracker.tracks()).isZero();
        TrackedPerson next = null;
        for (int f = 65; f < 75; f++) {
            next = tracker.update(List.of(box(100 + 8 * f, 100, 200)), f / 25.0);
        }
        assertThat(next).isNotNull();
        assertThat(next.trackId()).isNotEqualTo(first);
    }

    @Test
    void tracker_shortGap_keepsTheId() {
        PersonTracker tracker = new PersonTracker(1.0);
        TrackedPerson before = null;
        for (int f = 0; f < 30; f++) {
            before = tracker.update(List.of(box(100 + 8 * f, 100, 200)), f / 25.0);
        }
        for (int f = 30; f < 35; f++) {
            tracker.update(List.of(), f / 25.0);
        }
        TrackedPerson after = tracker.update(List.of(box(100 + 8 * 35, 100, 200)), 35 / 25.0);
        assertThat(after).isNotNull();
        assertThat(after.trackId()).isEqualTo(before.trackId());
    }
}
