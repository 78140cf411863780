package io.loupe.models.mediapipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loupe.models.Model;
import io.loupe.models.TestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The silhouette's lower end from BlazePose full's segmentation mask ({@link BlazePose#silhouetteBottom()}), on the
 * committed demo walks (FFmpeg-decoded renders whose truth has the box of every pixel the walker covers): it is where
 * the rendered feet end, within a few pixels, in a side and a frontal view, while the ankle landmark sits well above
 * it.
 */
class BlazePoseSilhouetteTest {
    /** Every this many frames of the first {@value #FRAMES}. */
    private static final int EVERY = 5;
    private static final int FRAMES = 200;

    @Test
    void silhouetteBottom_onTheDemoWalks_isWhereTheRenderedFeetEnd() throws Exception {
        try (Model detector = MediaPipeReferenceMatchTest.load(MediaPipeModel.POSE_DETECTOR);
                Model full = MediaPipeReferenceMatchTest.load(MediaPipeModel.POSE_LANDMARK_FULL)) {
            for (String walk : new String[] {"001", "002"}) {
                JsonNode truth = new ObjectMapper().readTree(TestData.repo("sample-data/gait/walks/" + walk
                        + ".json").toFile()).get("frames");
                List<VideoFrames.Indexed> frames = VideoFrames.read(TestData.repo("sample-data/gait/walks/" + walk
                        + ".mp4"), EVERY, FRAMES / EVERY);
                List<Double> off = new ArrayList<>();
                List<Double> ankleAbove = new ArrayList<>();
                try (BlazePoseTracker tracker = new BlazePoseTracker(detector, full, BodyCheck.DEFAULT)) {
                    for (VideoFrames.Indexed frame : frames) {
                        // when
                        PoseEstimate estimate = tracker.estimate(frame.bgr());
                        JsonNode box = truth.get(frame.index()).get("box");
                        if (estimate.verdict() != PoseVerdict.FULL_BODY || box.get(3).asInt() == 0) {
                            continue;
                        }
                        BlazePose pose = estimate.pose();
                        double feetEnd = box.get(1).asInt() + box.get(3).asInt();
                        off.add(pose.silhouetteBottom() - feetEnd);
                        double ankle = Math.max(pose.landmark(BlazePose.LEFT_ANKLE).y(),
                                pose.landmark(BlazePose.RIGHT_ANKLE).y());
                        ankleAbove.add((pose.silhouetteBottom() - ankle) / box.get(3).asInt());
                    }
                } finally {
                    VideoFrames.close(frames);
                }
                off.sort(null);
                ankleAbove.sort(null);
                System.out.printf("Walk %s: silhouette's lower end minus the rendered feet's, %d frames: median %+.2f"
                        + " px, %+.2f to %+.2f; lower ankle landmark above it, median %.3f of the walker's"
                        + " height%n", walk, off.size(), off.get(off.size() / 2), off.get(0), off.get(off.size() - 1),
                        ankleAbove.get(ankleAbove.size() / 2));
                // then the walker is posed in most frames, his feet's lower end found within 2 pixels (median) and
                // within 3 in nine frames of ten (the mask misses a foot now and then: never reads low), while the
                // ankle landmark is 4-12 % of his height above it
                assertTrue(off.size() >= FRAMES / EVERY * 3 / 4, "walk " + walk + ": posed in " + off.size());
                assertEquals(0, off.get(off.size() / 2), 2.0, "walk " + walk + ", median offset");
                assertTrue(off.get(off.size() / 10) >= -3 && off.get(off.size() - 1) <= 3, "walk " + walk + ": "
                        + off);
                assertEquals(0.08, ankleAbove.get(ankleAbove.size() / 2), 0.04, "walk " + walk);
            }
        }
    }
}
