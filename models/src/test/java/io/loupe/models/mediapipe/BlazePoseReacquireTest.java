package io.loupe.models.mediapipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.models.Model;
import io.loupe.models.TestData;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

/**
 * A walker too small for the BlazePose detector on the whole frame (a clinic corridor filmed from its end): the
 * tracker finds him by sweeping zoomed tiles of the frame, and once he was seen, finds him again at once around where
 * he was last. Made from a real frame of the sagittal walk shrunk to a third in a grey frame of the same size.
 */
class BlazePoseReacquireTest {
    private static final String SAGITTAL = "video-gait/walk_sagittal_640x352.mp4";

    @Test
    void walkerTooSmallForTheWholeFrame_foundBySweepingZoomedTiles_thenAtOnceWhereLastSeen() throws Exception {
        // given a frame where the walker is a third of his size, which the detector misses on the whole frame
        List<VideoFrames.Indexed> frames = VideoFrames.read(TestData.require(SAGITTAL), 1, 30);
        Mat original = frames.get(29).bgr();
        try (Model detector = MediaPipeReferenceMatchTest.load(MediaPipeModel.POSE_DETECTOR);
                Model landmarks = MediaPipeReferenceMatchTest.load(MediaPipeModel.POSE_LANDMARK_FULL);
                SsdDetector people = new SsdDetector(detector);
                BlazePoseTracker tracker = new BlazePoseTracker(detector, landmarks, BodyCheck.DEFAULT);
                Mat small = shrunk(original, 3);
                Mat grey = new Mat(original.size(), original.type(), new Scalar(128, 128, 128, 0))) {
            assertTrue(people.detect(original).size() == 1, "the detector finds the walker at full size");
            assertTrue(people.detect(small).isEmpty(), "the detector must miss the walker at a third of his size on"
                    + " the whole frame, or this test shows nothing");

            // when the tracker sees the small walker frame after frame
            int found = -1;
            for (int i = 0; i < 12 && found < 0; i++) {
                if (tracker.estimate(small).verdict() != PoseVerdict.NO_PERSON) {
                    found = i;
                }
            }

            // then one sweep of the tiles finds him (3 x 2 tiles on this frame)
            assertTrue(found >= 0 && found < 6, "found at frame " + found);
            // and after a frame without him (tracking lost), the next frame finds him at once, near where he was
            assertEquals(PoseVerdict.NO_PERSON, tracker.estimate(grey).verdict());
            PoseEstimate again = tracker.estimate(small);
            assertTrue(again.verdict() != PoseVerdict.NO_PERSON, again.reason());
            assertTrue(!again.tracked(), "a new detection, not the previous landmarks");
            System.out.printf("Walker at a third of his size: found in sweep frame %d; re-found at once after a frame"
                    + " without him (crop %.0f px at %.0f, %.0f)%n", found, again.roi().size(),
                    again.roi().centreX(), again.roi().centreY());
        } finally {
            VideoFrames.close(frames);
        }
    }

    /** {@code frame} shrunk by {@code factor} into the middle of a grey frame of the same size. */
    private static Mat shrunk(Mat frame, int factor) {
        Mat out = new Mat(frame.size(), frame.type(), new Scalar(128, 128, 128, 0));
        int w = frame.cols() / factor;
        int h = frame.rows() / factor;
        try (Rect centre = new Rect((frame.cols() - w) / 2, (frame.rows() - h) / 2, w, h);
                Mat target = new Mat(out, centre)) {
            opencv_imgproc.resize(frame, target, new Size(w, h), 0, 0, opencv_imgproc.INTER_AREA);
        }
        return out;
    }
}
