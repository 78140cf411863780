package io.loupe.pipelines.defect;

import io.loupe.pipelines.defect.part.PresenceFinder;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/** The blob tool on real OpenCV frames: bright parts on a dark belt, inside the ROI, largest first. */
class PresenceFinderTest {

    private static void fill(Mat m, int x, int y, int w, int h, double grey) {
        rectangle(m, new Rect(x, y, w, h), new Scalar(grey, grey, grey, 0), FILLED, 8, 0);
    }

    @Test
    void find_brightPartsInTheRoi_largestFirst_holesAndSpecksInThemDoNotSplit_smallBlobsAndPartsOutsideDropped() {
        PresenceSettings settings = new PresenceSettings(Polarity.BRIGHTER, 128, 1, 400, 4, 2, 3, 80);
        try (PresenceFinder finder = new PresenceFinder(settings);
             Mat frame = new Mat(240, 320, CV_8UC3, new Scalar(30, 30, 30, 0));
             Mat mask = new Mat(240, 320, CV_8UC1, new Scalar(0))) {
            fill(frame, 20, 20, 40, 30, 220);    // 1200 px
            fill(frame, 100, 40, 60, 50, 220);   // 3000 px, with a large dark defect inside and a bright speck in it
            fill(frame, 110, 45, 40, 40, 20);
            fill(frame, 120, 55, 20, 20, 220);   // 400 px: as large as a part may be small, but inside one
            circle(frame, new Point(40, 35), 5, new Scalar(20, 20, 20, 0), FILLED, 8, 0);
            fill(frame, 200, 150, 30, 20, 220);  // 600 px
            fill(frame, 250, 20, 10, 10, 220);   // 100 px: noise, under minAreaPx
            fill(frame, 20, 200, 40, 30, 220);   // outside the ROI
            Box roi = new Box(0, 0, 320, 180);
            fill(mask, 0, 0, 320, 180, 255);

            List<Box> parts = finder.find(frame, roi, mask);
            List<Box> again = finder.find(frame, roi, mask);

            assertThat(parts).extracting(Box::x).containsExactly(100, 20, 200);
            assertThat(parts.get(0)).isEqualTo(new Box(100, 40, 60, 50));
            assertThat(again).isEqualTo(parts);

            // a smaller ROI (the frame's lower half cut off further) is taken, not the one seen before
            Box upper = new Box(0, 0, 320, 100);
            assertThat(finder.find(frame, upper, mask)).extracting(Box::x).containsExactly(100, 20);
        }
    }
}
